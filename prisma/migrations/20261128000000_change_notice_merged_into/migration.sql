-- W6 R-OBJ-7: a QBO merge removes the merged-away record, so its notice carries the survivor's id
-- (the record cannot be read afterwards to find it). Null for every other notice.
-- AlterTable
ALTER TABLE "ChangeNotice" ADD COLUMN     "mergedIntoId" TEXT;
