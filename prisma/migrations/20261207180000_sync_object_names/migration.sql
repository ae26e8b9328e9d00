-- The database names sync objects as the sync engine does (one name per concept), so no layer
-- converts between plural and singular names. Renaming keeps every stored row and the order.
-- AlterEnum
ALTER TYPE "SyncObject" RENAME VALUE 'products' TO 'product';
ALTER TYPE "SyncObject" RENAME VALUE 'contacts' TO 'customer';
ALTER TYPE "SyncObject" RENAME VALUE 'invoices' TO 'invoice';
ALTER TYPE "SyncObject" RENAME VALUE 'payments' TO 'payment';
