import { listAdmissions } from "../../lib/admission/queue";
import { queueFilterSchema } from "../../lib/admission/schema";
import { checkTask } from "../../lib/refusals/commands";
import { searchCurrentDuties } from "../../lib/local-duties/search";
import { unitsWithUnpublishedChanges } from "../../lib/local-duties/pending";
import { ms, percentile, timeRuns, type BenchSuite } from "./types";

const UNITS = 1300;
const APPLICATIONS = 10_000;
const DUTIES_PER_UNIT = 30;

export const admissionBench: BenchSuite = {
  name: "admission",
  async run({ prisma }) {
    // Set-based generation: a district with 1,300 streets, 50 departments, 10,000 applications
    // spread over every state (1-3 target streets each), and 30 admitted duties per street.
    await prisma.$executeRawUnsafe(`INSERT INTO org_unit (name, kind, updated_at) VALUES ('基准区', 'DISTRICT', now())`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO org_unit (name, kind, parent_id, sort_order, updated_at)
      SELECT '基准街道' || g, 'STREET', (SELECT id FROM org_unit WHERE name = '基准区'), g, now() FROM generate_series(1, ${UNITS}) g`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO org_unit (name, kind, sort_order, updated_at)
      SELECT '基准部门' || g, 'DEPARTMENT', g, now() FROM generate_series(1, 50) g`);
    await prisma.$executeRawUnsafe(`
      WITH d AS (SELECT array_agg(id ORDER BY id) AS ids FROM org_unit WHERE kind = 'DEPARTMENT'),
           s AS (SELECT (ARRAY['SUBMITTED','RETURNED','JOINT_REVIEW','CONSULTING','DECIDING','FILING','ADMITTED','ADMITTED','REFUSED','WITHDRAWN'])::"AdmissionStatus"[] AS st)
      INSERT INTO admission (code, applicant_unit_id, applicant_unit_name, applicant_name, kind, level, title, duty_type, content, authority, time_limit,
        legal_basis, department_duty, local_duty, lead_responsibility, support_responsibility, funding_amount, funding_source, staffing, workload, name_key,
        status, stage, stage_due_on, submitted_at, created_at, updated_at)
      SELECT 'BENCH-' || g, d.ids[1 + g % 50], '基准部门', '基准', 'DUTY', 'STREET', '基准准入事项' || g, '城市管理', '内容', '权限', '时限',
        '依据', '部门职责', '街道职责', '主体', '配合', 10000 + g % 90000, '区级财政', '人员', '工作量', '基准准入事项' || g,
        s.st[1 + g % 10],
        CASE s.st[1 + g % 10]::text WHEN 'SUBMITTED' THEN 'INITIAL_REVIEW' WHEN 'RETURNED' THEN 'REVISION' WHEN 'JOINT_REVIEW' THEN 'JOINT_REVIEW'
          WHEN 'CONSULTING' THEN 'CONSULTATION' WHEN 'DECIDING' THEN 'DECISION' WHEN 'FILING' THEN 'FILING' END::"AdmissionStage",
        CASE WHEN s.st[1 + g % 10] IN ('ADMITTED','REFUSED','WITHDRAWN') THEN NULL ELSE current_date + (g % 40 - 10) END,
        now() - (g || ' minutes')::interval, now(), now()
      FROM generate_series(1, ${APPLICATIONS}) g, d, s`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO admission_target (admission_id, unit_id, unit_name)
      SELECT a.id, u.id, u.name FROM admission a
      JOIN LATERAL (SELECT id, name FROM org_unit WHERE kind = 'STREET' AND name LIKE '基准街道%' ORDER BY id OFFSET (a.id * 7) % ${UNITS} LIMIT 1 + a.id % 3) u ON true`);
    await prisma.$executeRawUnsafe(`
      INSERT INTO local_duty (unit_id, department_id, department_name, duty_type, name, name_key, department_duty, local_duty, legal_basis,
        lead_responsibility, support_responsibility, funding_amount, admitted_on)
      SELECT u.id, d.id, d.name, '城市管理', '基准属地事项' || u.id || '号第' || g || '项巡查', '基准属地事项' || u.id || '号第' || g || '项巡查',
        '部门职责', '街道职责', '依据', '主体', '配合', 1000, current_date
      FROM org_unit u CROSS JOIN generate_series(1, ${DUTIES_PER_UNIT}) g
      JOIN org_unit d ON d.name = '基准部门' || (1 + g % 50)
      WHERE u.kind = 'STREET' AND u.name LIKE '基准街道%'`);
    // Each street's list published once, as filing an admission would (the check reads the published list).
    await prisma.$executeRawUnsafe(`
      INSERT INTO local_duty_list_version (unit_id, version_no, unit_name, publisher_name, note, item_count, items)
      SELECT d.unit_id, 1, u.name, '基准', '基准数据', count(*),
        jsonb_agg(jsonb_build_object('id', d.id, 'position', d.id, 'name', d.name, 'dutyType', d.duty_type, 'departmentName', d.department_name) ORDER BY d.id)
      FROM local_duty d JOIN org_unit u ON u.id = d.unit_id
      GROUP BY d.unit_id, u.name`);
    for (const t of ["org_unit", "admission", "admission_target", "local_duty", "local_duty_list_version"]) await prisma.$executeRawUnsafe(`ANALYZE ${t}`);

    const apps = await prisma.admission.count();
    const units = await prisma.orgUnit.count({ where: { kind: "STREET" } });
    const queueOpen = await timeRuns(() => listAdmissions(prisma, {}, queueFilterSchema.parse({ status: "OPEN" })), 50, 5);
    const queueAll = await timeRuns(() => listAdmissions(prisma, {}, queueFilterSchema.parse({ page: "40" })), 50, 5);
    const queueSearch = await timeRuns(() => listAdmissions(prisma, {}, queueFilterSchema.parse({ q: "事项99" })), 30, 3);
    const street = await prisma.orgUnit.findFirstOrThrow({ where: { name: "基准街道650" } });
    const scoped = await timeRuns(() => listAdmissions(prisma, { targets: { some: { unitId: street.id } } }, queueFilterSchema.parse({})), 50, 5);
    const dept = await prisma.orgUnit.findFirstOrThrow({ where: { name: "基准部门7" } });
    const hit = await checkTask(prisma, street.id, { title: `做好基准属地事项${street.id}号第7项巡查工作`, departmentId: dept.id, departmentName: dept.name });
    if (!hit) throw new Error("the refusal check should match the generated duty");
    const pending = await timeRuns(() => unitsWithUnpublishedChanges(prisma), 10, 2);
    const search = await timeRuns(() => searchCurrentDuties(prisma, "第7项巡查"), 20, 3);
    const check = await timeRuns(() => checkTask(prisma, street.id, { title: "创建文明城市入户问卷调查", departmentId: dept.id, departmentName: dept.name }), 50, 5);
    return [
      { name: `编办 to-do: local-duty lists with unpublished changes (${units} × ${DUTIES_PER_UNIT}), p95`, value: ms(percentile(pending, 95)), target: "< 100 ms (on every 工作台 of 编办)" },
      { name: `public search of local-duty lists (${units} × ${DUTIES_PER_UNIT}), p95`, value: ms(percentile(search, 95)), target: "< 100 ms (as the list search)" },
      { name: `编办 queue, open, ${apps} apps / ${units} streets, p50`, value: ms(percentile(queueOpen, 50)), target: "< 100 ms" },
      { name: "编办 queue, open, p95", value: ms(percentile(queueOpen, 95)), target: "< 100 ms" },
      { name: "编办 queue, all, page 40, p50", value: ms(percentile(queueAll, 50)), target: "< 100 ms" },
      { name: "编办 queue, text search, p50", value: ms(percentile(queueSearch, 50)), target: "< 100 ms" },
      { name: "street's queue (targets), p50", value: ms(percentile(scoped, 50)), target: "< 100 ms" },
      { name: `refusal-register check (${DUTIES_PER_UNIT} duties), p50`, value: ms(percentile(check, 50)), target: "< 50 ms" },
      { name: "refusal-register check, p95", value: ms(percentile(check, 95)), target: "< 50 ms" },
    ];
  },
};
