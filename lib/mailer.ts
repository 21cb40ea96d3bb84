import 'server-only';
import nodemailer from 'nodemailer';
import { site } from './site';

/** Sends a plain-text e-mail when SMTP_URL is set; returns false (nothing sent) otherwise. */
export async function sendMail(to: string, subject: string, text: string): Promise<boolean> {
  const url = process.env.SMTP_URL;
  if (!url) return false;
  const transport = nodemailer.createTransport(url);
  await transport.sendMail({ from: process.env.SMTP_FROM ?? site.contact.email, to, subject, text });
  return true;
}
