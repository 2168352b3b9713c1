import { z } from "zod";
import { id } from "@/lib/validation";

export const markReadSchema = z.object({ ids: z.array(id).max(500).optional() });
