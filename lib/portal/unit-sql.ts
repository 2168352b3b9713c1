// SQL pieces shared by the portal's raw reads of power lists and typed lists: the listed unit
// `u` with its parent `p` and grandparent `g` (a street sits under a district, or under a
// township under one), and the district found among them.
export const UNIT_ANCESTORS_JOIN = `LEFT JOIN org_unit p ON p.id = u.parent_id
    LEFT JOIN org_unit g ON g.id = p.parent_id`;
export const DISTRICT_ID_SQL = `CASE WHEN p.kind = 'DISTRICT' THEN p.id WHEN g.kind = 'DISTRICT' THEN g.id END`;
export const DISTRICT_NAME_SQL = `CASE WHEN p.kind = 'DISTRICT' THEN p.name WHEN g.kind = 'DISTRICT' THEN g.name END`;
