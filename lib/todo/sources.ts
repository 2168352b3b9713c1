// Importing this module registers every area's to-do source; the workspace page imports it.
import "@/lib/devolution/todo";
import "@/lib/admission/todo";
import "@/lib/local-duties/todo";
import "@/lib/lists/todo";
import "@/lib/evaluation/todo";
import "@/lib/dispatch/todo";
import "@/lib/notifications/todo";
