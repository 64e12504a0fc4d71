ALTER TABLE "complaints" DROP COLUMN "name";--> statement-breakpoint
ALTER TABLE "complaints" DROP COLUMN "email";--> statement-breakpoint
ALTER TABLE "complaints" DROP COLUMN "phone";--> statement-breakpoint
ALTER TABLE "complaints" DROP COLUMN "address";--> statement-breakpoint
ALTER TABLE "complaints" DROP COLUMN "preferred_contact";