import nodemailer from 'nodemailer';

/** Sends one e-mail; supplied only when an SMTP server is configured (the product sends nothing otherwise). */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/** A mailer over an SMTP URL ("smtp://user:pass@host:587", "smtps://…"); the sender is `from`. */
export function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(message) {
      await transport.sendMail({ from, ...message });
    },
    close() {
      transport.close();
    },
  };
}
