import { z } from "zod";

export const markReadSchema = z.object({ ids: z.array(z.coerce.number().int().positive()).max(500).optional() });
