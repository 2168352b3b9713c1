-- A list type can be retired (停用): no new lists of it are drafted, the existing ones stay
-- readable and their published versions stay on the portal; 启用 clears it again.
ALTER TABLE "list_type" ADD COLUMN "retired_at" TIMESTAMP(3);
