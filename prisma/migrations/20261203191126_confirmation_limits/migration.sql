-- AlterTable
ALTER TABLE "DigestSubscription" ADD COLUMN     "confirmationQueuedAt" TIMESTAMPTZ(3),
ADD COLUMN     "confirmedVia" TEXT;

-- CreateTable
CREATE TABLE "ConfirmationEmail" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "recipientHash" TEXT NOT NULL,
    "transport" TEXT NOT NULL,
    "sentAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ConfirmationEmail_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ConfirmationEmail_recipientHash_sentAt_idx" ON "ConfirmationEmail"("recipientHash", "sentAt");

-- CreateIndex
CREATE INDEX "ConfirmationEmail_userId_sentAt_idx" ON "ConfirmationEmail"("userId", "sentAt");

-- CreateIndex
CREATE INDEX "ConfirmationEmail_sentAt_idx" ON "ConfirmationEmail"("sentAt");

-- CreateIndex
CREATE INDEX "DigestSubscription_confirmationQueuedAt_idx" ON "DigestSubscription"("confirmationQueuedAt");

-- Confirmations made before the transport was recorded: a link read in the demo outbox left
-- an OutboxEmail row (the outbox transport writes one for every message), so a confirmed
-- subscription whose player has an outbox confirmation was confirmed through the outbox. The
-- others came by real email, which leaves confirmedVia null (counted as real email).
UPDATE "DigestSubscription" AS s
SET "confirmedVia" = 'outbox'
WHERE s."confirmedAt" IS NOT NULL
  AND EXISTS (
    SELECT 1 FROM "OutboxEmail" AS o
    WHERE o."userId" = s."userId" AND o."subject" = 'Confirm your Warmind vendor digest'
  );
