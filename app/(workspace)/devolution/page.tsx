import { redirect } from "next/navigation";

export default function DevolutionHome() {
  redirect("/devolution/rounds");
}
