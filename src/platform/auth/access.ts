import type { Knex } from '@mikro-orm/knex';
import { AppError, ErrorCode } from '../../shared/errors';
import { AGENCY_ROLES, IDENTIFYING_ROLES, Role, type Viewer } from './auth.types';

/**
 * What the viewer of one request may see and do. Object visibility is decided here once and
 * applied where objects are loaded, so it holds for root queries, nested fields, connections
 * and `node` alike; an object the viewer may not see is answered as not found.
 */
export class Access {
  private units?: Promise<Set<number>>;

  constructor(
    readonly viewer: Viewer | null,
    private readonly knex: Knex,
  ) {}

  /** Fails unless signed in with one of `roles` (any role when none are given). */
  require(...roles: readonly string[]): void {
    if (!this.viewer)
      throw new AppError(
        ErrorCode.UNAUTHENTICATED,
        'Sign in: send "Authorization: Bearer <token>".',
      );
    if (roles.length > 0 && !roles.includes(this.viewer.role)) {
      throw new AppError(ErrorCode.FORBIDDEN, `The ${this.viewer.role} role may not do this.`);
    }
  }

  get role(): Role | null {
    return this.viewer?.role ?? null;
  }

  /** NIP, name and birth date are shown to these roles only. */
  get seesIdentifying(): boolean {
    return !!this.viewer && IDENTIFYING_ROLES.includes(this.viewer.role);
  }

  /** The agency whose people alone the viewer sees; null when not bound to one. */
  get agency(): string | null {
    return this.viewer && AGENCY_ROLES.includes(this.viewer.role) ? this.viewer.agencyCode : null;
  }

  /** Ids of the org units of the viewer's agency (read once per request). */
  agencyUnitIds(): Promise<Set<number>> {
    this.units ??= this.knex('org_unit as u')
      .join('agency as a', 'a.id', 'u.agency_id')
      .where('a.code', this.agency ?? '')
      .pluck('u.id')
      .then((ids: number[]) => new Set(ids));
    return this.units;
  }

  /**
   * A condition on employees for lists: null when the viewer sees everyone (ADMIN, ANALYST),
   * the agency's units for HR and COMMITTEE, the own NIP for EMPLOYEE, nothing when signed out.
   */
  async employeeCondition(): Promise<Record<string, unknown> | null> {
    const role = this.role;
    if (role === Role.ADMIN || role === Role.ANALYST) return null;
    if (role === Role.EMPLOYEE) return { nip: this.viewer!.nip };
    if (role === Role.HR || role === Role.COMMITTEE)
      return { orgUnit: { $in: [...(await this.agencyUnitIds())] } };
    return { id: -1 };
  }

  /** A condition on positions: the agency's own for HR and COMMITTEE, null (all) for others. */
  async positionCondition(): Promise<Record<string, unknown> | null> {
    return this.agency ? { orgUnit: { $in: [...(await this.agencyUnitIds())] } } : null;
  }

  /** Whether a position (by org unit) is visible to the viewer. */
  async seesPosition(position: { orgUnit: { id: number } }): Promise<boolean> {
    return !this.agency || (await this.agencyUnitIds()).has(position.orgUnit.id);
  }

  /** Whether one employee (by org unit and NIP) is visible to the viewer. */
  async seesEmployee(employee: { orgUnit: { id: number }; nip?: string | null }): Promise<boolean> {
    const role = this.role;
    if (role === Role.ADMIN || role === Role.ANALYST) return true;
    if (role === Role.EMPLOYEE) return !!employee.nip && employee.nip === this.viewer!.nip;
    if (role === Role.HR || role === Role.COMMITTEE)
      return (await this.agencyUnitIds()).has(employee.orgUnit.id);
    return false;
  }
}
