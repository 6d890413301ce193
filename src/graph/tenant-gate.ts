// Until the tenant of the token has been checked against the migration's pinned tenant, the client
// sends nothing but the tenant read itself. This makes "check the tenant before any other call" a
// property of the client rather than a rule every caller must remember.
export class TenantGate {
  private verifiedTenant: string | undefined;

  get verified(): boolean {
    return this.verifiedTenant !== undefined;
  }

  get tenantId(): string | undefined {
    return this.verifiedTenant;
  }

  open(tenantId: string): void {
    this.verifiedTenant = tenantId;
  }

  /** True when the request may go out now. */
  allows(method: string, pathAfterVersion: string): boolean {
    if (this.verified) return true;
    return method === 'GET' && /^\/organization(\?|$)/.test(pathAfterVersion);
  }
}
