-- CreateTable
CREATE TABLE "ManifestVersion" (
    "id" SERIAL NOT NULL,
    "version" TEXT NOT NULL,
    "language" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'importing',
    "contentPaths" JSONB NOT NULL,
    "rowCount" INTEGER NOT NULL DEFAULT 0,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "ManifestVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ManifestCurrent" (
    "language" TEXT NOT NULL,
    "versionId" INTEGER NOT NULL,
    "switchedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ManifestCurrent_pkey" PRIMARY KEY ("language")
);

-- CreateTable
CREATE TABLE "ManifestDefinition" (
    "versionId" INTEGER NOT NULL,
    "tableName" TEXT NOT NULL,
    "hash" BIGINT NOT NULL,
    "data" JSONB NOT NULL,

    CONSTRAINT "ManifestDefinition_pkey" PRIMARY KEY ("versionId","tableName","hash")
);

-- CreateTable
CREATE TABLE "ManifestImportLease" (
    "id" TEXT NOT NULL,
    "holder" TEXT,
    "acquiredAt" TIMESTAMPTZ(3),
    "expiresAt" TIMESTAMPTZ(3),

    CONSTRAINT "ManifestImportLease_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ManifestCurrent_versionId_key" ON "ManifestCurrent"("versionId");

-- AddForeignKey
ALTER TABLE "ManifestCurrent" ADD CONSTRAINT "ManifestCurrent_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ManifestVersion"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ManifestDefinition" ADD CONSTRAINT "ManifestDefinition_versionId_fkey" FOREIGN KEY ("versionId") REFERENCES "ManifestVersion"("id") ON DELETE CASCADE ON UPDATE CASCADE;
