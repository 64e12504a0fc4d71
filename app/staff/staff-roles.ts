// Council staff's roles and what each may do (issue 11, item 1). Pure, so every page and action asks the same
// question of the same table, and the table is tested without a database.
export const STAFF_ROLES = ["complaints_officer", "investigating_officer", "manager", "independent_investigator", "equality_analyst"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Which complaints a role sees: all of them, only those assigned or appointed to the person, or none. */
export type ComplaintReach = "all" | "assigned" | "appointed" | "none";

const REACH: Record<StaffRole, ComplaintReach> = {
  complaints_officer: "all",
  manager: "all",
  // Sees and drafts responses only for the complaints assigned to them; a complaints officer or manager sends them.
  investigating_officer: "assigned",
  // Children's Stages 2–3 (policy §13, the statutory procedure): only the complaints they are appointed to.
  independent_investigator: "appointed",
  // Aggregate equality reports only: never a complaint.
  equality_analyst: "none",
};

export function complaintReach(role: StaffRole): ComplaintReach {
  return REACH[role];
}

/** Whether the role reads the equality report (issue 12, item 2): the equality analyst and managers, no one else. */
export function readsEqualityReports(role: StaffRole): boolean {
  return role === "equality_analyst" || role === "manager";
}

/** Whether the role adds staff, changes their roles and deactivates leavers. */
export function managesStaff(role: StaffRole): boolean {
  return role === "manager";
}

/** The roles a complaint is assigned or appointed to, who then see it (and only such complaints). */
export const ASSIGNABLE_ROLES = ["investigating_officer", "independent_investigator"] as const satisfies readonly StaffRole[];
