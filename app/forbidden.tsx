import { StatusPage } from "@/components/ui/status-page";

export default function Forbidden() {
  return (
    <StatusPage
      code="403"
      title="没有访问权限"
      message="您的账号没有权限查看此页面。如需开通，请联系本级编办的系统管理员。"
    />
  );
}
