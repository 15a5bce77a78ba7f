// The my-data forms' bodies: the address asked for, and the CSRF field of the session's forms.
import { z } from 'zod';
import { csrfField } from '../../../security/csrf.js';
import { field } from '../../schema-fields.js';

export const requestBodySchema = z.object({ email: field(400) });

export const sessionFormSchema = z.object({ [csrfField]: field(200) });

export const tokenPattern = /^[A-Za-z0-9_-]{20,100}$/;
