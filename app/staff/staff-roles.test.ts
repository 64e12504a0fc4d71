import { describe, expect, it } from "vitest";
import { complaintReach, isStaffRole, managesStaff, STAFF_ROLES } from "./staff-roles";

describe("staff roles", () => {
  it("knows the five roles and nothing else", () => {
    expect(STAFF_ROLES).toHaveLength(5);
    expect(isStaffRole("manager")).toBe(true);
    expect(isStaffRole("admin")).toBe(false);
    expect(isStaffRole(undefined)).toBe(false);
  });

  it("lets complaints officers and managers reach every complaint, others only theirs, the equality analyst none", () => {
    expect(complaintReach("complaints_officer")).toBe("all");
    expect(complaintReach("manager")).toBe("all");
    expect(complaintReach("investigating_officer")).toBe("assigned");
    expect(complaintReach("independent_investigator")).toBe("appointed");
    expect(complaintReach("equality_analyst")).toBe("none");
  });

  it("lets only a manager manage staff accounts", () => {
    expect(STAFF_ROLES.filter(managesStaff)).toEqual(["manager"]);
  });
});
