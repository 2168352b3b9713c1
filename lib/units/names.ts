/**
 * The full name of a street's or township's government from its place name: 东湖 → 东湖街道办事处,
 * 清河 → 清河镇人民政府, 清河镇 → 清河镇人民政府, 白沙乡 → 白沙乡人民政府. A township keeps its 镇/乡;
 * a bare place name of a township is a 镇 unless `township` says 乡.
 */
export function governmentName(place: string, kind: "STREET" | "TOWNSHIP", township: "镇" | "乡" = "镇"): string {
  const name = place.trim();
  if (kind === "STREET") return /街道(办事处)?$/.test(name) ? (name.endsWith("办事处") ? name : `${name}办事处`) : `${name}街道办事处`;
  if (name.endsWith("人民政府")) return name;
  return /[镇乡]$/.test(name) ? `${name}人民政府` : `${name}${township}人民政府`;
}
