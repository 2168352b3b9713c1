import { StatusPage } from "@/components/ui/status-page";

export default function NotFound() {
  return <StatusPage code="404" title="页面不存在" message="您访问的页面不存在，可能已被移动或删除。请检查地址是否正确。" />;
}
