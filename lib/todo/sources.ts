import "server-only";
import type { TodoSource } from "./index";
import { devolutionTodos } from "@/lib/devolution/queries/todo";
import { admissionTodos } from "@/lib/admission/queries";
import { appraisalTodos } from "@/lib/appraisal/queries";
import { localDutyTodos } from "@/lib/local-duties/queries";
import { listTodos } from "@/lib/lists/queries";
import { evaluationTodos } from "@/lib/evaluation/queries";
import { dispatchTodos } from "@/lib/dispatch/queries";
import { notificationTodos } from "@/lib/notifications/queries";
import { filingTodos } from "@/lib/filings/queries";
import { typedListTodos } from "@/lib/list-types/queries";

/** The areas that put work on 工作台. */
export type TodoArea = "devolution" | "admission" | "appraisal" | "localDuties" | "lists" | "evaluation" | "dispatch" | "notifications" | "filings" | "typedLists";

/**
 * Every area's to-do source under a literal key. Not keyed by function name: minification gives
 * different functions the same name, and a registry keyed by it silently kept one of them.
 * The type asks for each area exactly once.
 */
export const TODO_SOURCES: Record<TodoArea, TodoSource> = {
  devolution: devolutionTodos,
  admission: admissionTodos,
  appraisal: appraisalTodos,
  localDuties: localDutyTodos,
  lists: listTodos,
  evaluation: evaluationTodos,
  dispatch: dispatchTodos,
  notifications: notificationTodos,
  filings: filingTodos,
  typedLists: typedListTodos,
};
