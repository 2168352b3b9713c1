/** Classes of the data tables; the wrapper scrolls sideways on phones. */
export const table = {
  wrapper: "overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm",
  table: "min-w-full divide-y divide-slate-200 text-sm",
  thead: "bg-slate-50 text-left text-xs font-semibold text-slate-600",
  th: "whitespace-nowrap px-3 py-2",
  tbody: "divide-y divide-slate-100",
  td: "px-3 py-2 align-top",
};
