// Each way out, against a real server: SMTP (nodemailer → smtp-server), Resend's HTTP API
// (the SDK pointed at a local server through RESEND_BASE_URL), and the demo outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmailTransport } from "@/lib/email/transport";
import type { EmailMessage } from "@/lib/email/types";
import { openTestDatabase, type TestDatabase } from "../../support/databases";
import { startResendServer, startSmtpServer } from "../digest/local-mail-servers";
import { decodeHeader } from "../digest/mime";

const message: EmailMessage = {
  to: "guardian@example.com",
  subject: "Vendors for Wed 25 Nov: 3 sales at 1 vendor — Xûr",
  html: "<p>Gjallarhorn <b>3</b> Strange Coins</p>",
  text: "Gjallarhorn 3 Strange Coins",
  headers: {
    "List-Unsubscribe": "<https://warmind.test/api/digest/unsubscribe?token=abc.def>",
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  },
  userId: "user_1",
  idempotencyKey: "vendor-digest/sub_1/1795626000000",
};
const env = { appUrl: "https://warmind.test", EMAIL_FROM: "Warmind <digest@warmind.test>" };

describe("SMTP transport", () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  beforeAll(async () => {
    smtp = await startSmtpServer();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("delivers HTML and text with the headers, and a stable Message-ID per idempotency key", async () => {
    const transport = createEmailTransport({ ...env, SMTP_URL: smtp.url });
    expect(transport.kind).toBe("smtp");
    const first = await transport.send(message);
    const again = await transport.send(message);
    await transport.close();

    expect(smtp.messages).toHaveLength(2);
    const [mail] = smtp.messages;
    expect(mail!.from).toBe("digest@warmind.test");
    expect(mail!.to).toEqual(["guardian@example.com"]);
    expect(decodeHeader(mail!.headers.get("subject")!)).toBe(message.subject);
    expect(mail!.headers.get("list-unsubscribe")).toBe(message.headers!["List-Unsubscribe"]);
    expect(mail!.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail!.html).toContain("<b>3</b>");
    expect(mail!.text.trim()).toBe(message.text);
    expect(first.id).toMatch(/^<[0-9a-f]{32}@warmind\.test>$/);
    expect(again.id).toBe(first.id);
    expect(smtp.messages[1]!.headers.get("message-id")).toBe(first.id);
  });

  it("reports a refused connection as a send error", async () => {
    const transport = createEmailTransport({ ...env, SMTP_URL: "smtp://127.0.0.1:1" });
    await expect(transport.send(message)).rejects.toThrow(/^smtp: /);
  });
});

describe("Resend transport", () => {
  let resend: Awaited<ReturnType<typeof startResendServer>>;
  const saved = process.env.RESEND_BASE_URL;
  beforeAll(async () => {
    resend = await startResendServer();
    process.env.RESEND_BASE_URL = resend.url;
  });
  afterAll(async () => {
    process.env.RESEND_BASE_URL = saved;
    await resend?.close();
  });

  it("posts the email with the key, the headers and the idempotency key", async () => {
    const transport = createEmailTransport({
      ...env,
      RESEND_API_KEY: "re_test_key",
      SMTP_URL: "smtp://ignored:25",
    });
    expect(transport.kind).toBe("resend");
    const sent = await transport.send(message);
    expect(sent).toEqual({ id: "re_1", transport: "resend" });
    expect(resend.requests).toHaveLength(1);
    const [request] = resend.requests;
    expect(request).toMatchObject({
      path: "/emails",
      authorization: "Bearer re_test_key",
      idempotencyKey: message.idempotencyKey,
      body: {
        from: env.EMAIL_FROM,
        to: message.to,
        subject: message.subject,
        html: message.html,
        text: message.text,
        headers: message.headers,
      },
    });
  });

  it("turns an API error into a send error", async () => {
    process.env.RESEND_BASE_URL = `${resend.url}/broken`;
    try {
      const transport = createEmailTransport({ ...env, RESEND_API_KEY: "re_test_key" });
      await expect(transport.send(message)).rejects.toThrow(/^resend: Not found/);
    } finally {
      process.env.RESEND_BASE_URL = resend.url;
    }
  });
});

describe("outbox transport", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await openTestDatabase("pglite");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("keeps the message for the player to read, with a default From on the app's host", async () => {
    const transport = createEmailTransport({ appUrl: "http://localhost:3000" }, database.db);
    expect(transport.kind).toBe("outbox");
    const sent = await transport.send(message);
    const row = await database.db.outboxEmail.findUniqueOrThrow({ where: { id: sent.id } });
    expect(row).toMatchObject({
      userId: "user_1",
      to: message.to,
      from: "Warmind <digest@localhost>",
      subject: message.subject,
      html: message.html,
      text: message.text,
      headers: message.headers,
    });
  });
});
