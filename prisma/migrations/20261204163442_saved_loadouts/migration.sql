-- CreateTable
CREATE TABLE "Loadout" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "classType" INTEGER NOT NULL,
    "items" JSONB NOT NULL,
    "shareId" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Loadout_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Loadout_shareId_key" ON "Loadout"("shareId");

-- CreateIndex
CREATE INDEX "Loadout_userId_updatedAt_idx" ON "Loadout"("userId", "updatedAt");

-- AddForeignKey
ALTER TABLE "Loadout" ADD CONSTRAINT "Loadout_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
