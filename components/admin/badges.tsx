import type { Role } from "@/lib/generated/prisma/enums";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { Badge } from "@/components/ui/badge";
import { formatLockTime } from "./format";

export function RoleBadges({ roles }: { roles: Role[] }) {
  return (
    <span className="flex flex-wrap gap-1">
      {roles.map((r) => (
        <Badge key={r} tone="blue">
          {ROLE_LABELS[r] ?? r}
        </Badge>
      ))}
    </span>
  );
}

export function UserStatusBadges({
  user,
  now,
}: {
  user: { active: boolean; lockedUntil: Date | null; mustChangePassword: boolean };
  now: Date;
}) {
  const locked = user.lockedUntil !== null && user.lockedUntil.getTime() > now.getTime();
  return (
    <span className="flex flex-wrap gap-1" data-testid="user-status">
      {user.active ? <Badge tone="green">在用</Badge> : <Badge tone="gray">已停用</Badge>}
      {locked && <Badge tone="red">已锁定至 {formatLockTime(user.lockedUntil!, now)}</Badge>}
      {user.mustChangePassword && <Badge tone="amber">需改密码</Badge>}
    </span>
  );
}

export function UnitStatusBadge({ active }: { active: boolean }) {
  return active ? <Badge tone="green">在用</Badge> : <Badge tone="gray">已停用</Badge>;
}
