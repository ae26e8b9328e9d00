-- A QBO connect state is bound to the browser that opened the connect link: the sha-256 of a
-- nonce the server set as a cookie in that browser. The callback must present the same nonce.
-- AlterTable
ALTER TABLE "OAuthState" ADD COLUMN "browserKeyHash" TEXT;
