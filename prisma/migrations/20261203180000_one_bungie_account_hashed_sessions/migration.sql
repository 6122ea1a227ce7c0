-- Security round two (issue 13, items 1 and 3).
--
-- 1. Auth.js linked a second Bungie.net account to whoever was signed in, so one user could hold
--    several. Each user keeps the Bungie account it was created with (the oldest), with its
--    settings, digest subscription and outbox, and every other Bungie account moves to a new
--    user of its own, without a subscription. Then one Bungie account per user becomes a
--    constraint.
-- 2. Sessions were stored by their token in plain text. They are now looked up by its SHA-256,
--    and every existing session ends (which also ends all sessions of every repaired user).
--
-- No semicolons in comments: the PostgreSQL driver adapter splits scripts on them.

-- Every session ends: the old rows hold live tokens.
DELETE FROM "Session";

-- The Bungie accounts that are not the first of their user, each with the new user it moves to.
-- `attributed`: the user's identity columns (name, avatar, bungieMembershipId) and its Destiny
-- memberships were last written by this account's sign-in, so they move along with it.
CREATE TEMP TABLE "_moved_bungie_account" AS
SELECT a."provider",
       a."providerAccountId",
       a."userId" AS "oldUserId",
       'r' || replace(gen_random_uuid()::text, '-', '') AS "newUserId",
       a."createdAt",
       (u."bungieMembershipId" = a."providerAccountId") AS "attributed"
FROM "Account" a
JOIN "User" u ON u."id" = a."userId"
WHERE a."provider" = 'bungie'
  AND EXISTS (
    SELECT 1 FROM "Account" o
    WHERE o."userId" = a."userId"
      AND o."provider" = a."provider"
      AND (o."createdAt", o."providerAccountId") < (a."createdAt", a."providerAccountId")
  );

-- The users being repaired: their identity columns, when they belong to a moving account.
CREATE TEMP TABLE "_repaired_user" AS
SELECT DISTINCT m."oldUserId" AS "userId",
       u."name", u."image", u."bungieName", u."avatarPath", u."lastSignInAt",
       bool_or(m."attributed") OVER (PARTITION BY m."oldUserId") AS "identityMoves"
FROM "_moved_bungie_account" m
JOIN "User" u ON u."id" = m."oldUserId";

-- Free the unique Bungie membership id before the new users take theirs.
UPDATE "User" u SET "bungieMembershipId" = NULL
FROM "_repaired_user" r
WHERE u."id" = r."userId" AND r."identityMoves";

INSERT INTO "User" ("id", "name", "image", "bungieMembershipId", "bungieName", "avatarPath",
                    "lastSignInAt", "createdAt", "updatedAt")
SELECT m."newUserId",
       CASE WHEN m."attributed" THEN r."name" END,
       CASE WHEN m."attributed" THEN r."image" END,
       CASE WHEN NOT EXISTS (
         SELECT 1 FROM "User" x WHERE x."bungieMembershipId" = m."providerAccountId"
       ) THEN m."providerAccountId" END,
       CASE WHEN m."attributed" THEN r."bungieName" END,
       CASE WHEN m."attributed" THEN r."avatarPath" END,
       CASE WHEN m."attributed" THEN r."lastSignInAt" END,
       m."createdAt",
       CURRENT_TIMESTAMP
FROM "_moved_bungie_account" m
JOIN "_repaired_user" r ON r."userId" = m."oldUserId";

-- Destiny memberships go with the account whose sign-in wrote them, the others are re-derived
-- from Bungie at that account's next sign-in.
UPDATE "DestinyMembership" d SET "userId" = m."newUserId"
FROM "_moved_bungie_account" m
WHERE d."userId" = m."oldUserId" AND m."attributed";

-- A stored choice of a Destiny account (and its character) that just moved away is forgotten.
UPDATE "PlayerSettings" s
SET "destinyMembershipType" = NULL, "destinyMembershipId" = NULL, "characterId" = NULL,
    "updatedAt" = CURRENT_TIMESTAMP
FROM "_moved_bungie_account" m
WHERE s."userId" = m."oldUserId"
  AND EXISTS (
    SELECT 1 FROM "DestinyMembership" d
    WHERE d."userId" = m."newUserId" AND d."membershipId" = s."destinyMembershipId"
  );

UPDATE "Account" a SET "userId" = m."newUserId", "refreshLockedUntil" = NULL
FROM "_moved_bungie_account" m
WHERE a."provider" = m."provider" AND a."providerAccountId" = m."providerAccountId";

-- A repaired user whose identity moved takes its own Bungie account's id back, its name and
-- avatar come back from Bungie at the next sign-in.
UPDATE "User" u
SET "bungieMembershipId" = a."providerAccountId",
    "name" = NULL, "image" = NULL, "bungieName" = NULL, "avatarPath" = NULL,
    "updatedAt" = CURRENT_TIMESTAMP
FROM "_repaired_user" r, "Account" a
WHERE u."id" = r."userId" AND r."identityMoves"
  AND a."userId" = u."id" AND a."provider" = 'bungie'
  AND NOT EXISTS (SELECT 1 FROM "User" x WHERE x."bungieMembershipId" = a."providerAccountId");

DROP TABLE "_repaired_user";
DROP TABLE "_moved_bungie_account";

-- DropIndex
DROP INDEX "Account_userId_idx";

-- DropIndex
DROP INDEX "Session_sessionToken_key";

-- AlterTable: the column now holds SHA-256 hashes (the table is empty).
ALTER TABLE "Session" DROP COLUMN "sessionToken",
ADD COLUMN     "sessionTokenHash" TEXT NOT NULL;

-- CreateIndex
CREATE UNIQUE INDEX "Account_userId_provider_key" ON "Account"("userId", "provider");

-- CreateIndex
CREATE UNIQUE INDEX "Session_sessionTokenHash_key" ON "Session"("sessionTokenHash");
