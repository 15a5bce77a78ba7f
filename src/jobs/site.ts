// The site as every mail task names it, read from the configuration in one place: the sender of its mails
// (the site's name and MAIL_FROM) and what a template links to (the site's name and BASE_URL).
import type { Config } from '../config/config.js';
import type { SiteSender } from '../mail/templates/mail-text.js';

export function siteSender(config: Pick<Config, 'SITE_NAME' | 'MAIL_FROM'>): SiteSender {
  return { name: config.SITE_NAME, mailFrom: config.MAIL_FROM };
}

export function siteLinks(config: Pick<Config, 'SITE_NAME' | 'BASE_URL'>): { name: string; baseUrl: string } {
  return { name: config.SITE_NAME, baseUrl: config.BASE_URL };
}
