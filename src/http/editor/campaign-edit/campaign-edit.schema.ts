// The bodies of the campaign editor's forms: texts, photo (multipart), delivery settings, an update and the
// follow-up campaign (the preview's is in markdown-preview.ts). Only these fields are read; the use cases
// check the values and name what is wrong.
import { z } from 'zod';
import { field } from '../../schema-fields.js';
import { uploadField } from '../../uploads.js';

export const textsForm = z.object({
  revision: field(100),
  headline: field(5_000),
  background: field(200_000),
  defaultMessage: field(50_000),
  subject: field(5_000),
  salutation: field(5_000),
  moreInfoUrl: field(10_000),
  goal: field(100),
  slug: field(1_000),
  sourceLocale: field(100),
  intent: field(20),
  confirmSlug: field(10),
  publish: field(10),
});
export const photoForm = z.object({ alt: field(5_000), photo: uploadField });
export const settingsForm = z.object({
  deliveryMode: field(50),
  confirmationMode: field(50),
  hourlyCap: field(100),
  officeHours: field(20),
  from: field(100),
  to: field(100),
  digestInterval: field(100),
  startDate: field(100),
  petitionNames: field(20),
  day1: field(10),
  day2: field(10),
  day3: field(10),
  day4: field(10),
  day5: field(10),
  day6: field(10),
  day7: field(10),
});
export const updateForm = z.object({ day: field(100), locale: field(100), text: field(100_000) });
export const successorForm = z.object({ successor: field(200) });
