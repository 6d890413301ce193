// /users/{id}/authentication/...: all methods, the typed method collections, signInPreferences (beta).
import { graphError } from './graph-error.js';
import { notFound, resolveUser } from './handlers-directory.js';
import { canSeePhoneNumbers, maskPhone } from './json-shapes.js';
import { arraySource, collection, entity, isResponse } from './odata-query.js';
import type { Handler, HandlerContext } from './route-types.js';
import type { AuthMethod, GraphObject } from './tenant-types.js';

/** Typed collection segment -> @odata.type it holds; hardware OATH exists on beta only. */
export const METHOD_COLLECTIONS: Record<string, { type: string; betaOnly?: boolean }> = {
  phoneMethods: { type: '#microsoft.graph.phoneAuthenticationMethod' },
  microsoftAuthenticatorMethods: { type: '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod' },
  softwareOathMethods: { type: '#microsoft.graph.softwareOathAuthenticationMethod' },
  fido2Methods: { type: '#microsoft.graph.fido2AuthenticationMethod' },
  emailMethods: { type: '#microsoft.graph.emailAuthenticationMethod' },
  passwordMethods: { type: '#microsoft.graph.passwordAuthenticationMethod' },
  temporaryAccessPassMethods: { type: '#microsoft.graph.temporaryAccessPassAuthenticationMethod' },
  windowsHelloForBusinessMethods: { type: '#microsoft.graph.windowsHelloForBusinessAuthenticationMethod' },
  hardwareOathMethods: { type: '#microsoft.graph.hardwareOathAuthenticationMethod', betaOnly: true },
};

function visibleMethods(ctx: HandlerContext, methods: AuthMethod[]): GraphObject[] {
  const unmasked = canSeePhoneNumbers(ctx.token);
  return methods
    .filter(
      (m) =>
        ctx.req.version === 'beta' ||
        m['@odata.type'] !== '#microsoft.graph.hardwareOathAuthenticationMethod',
    )
    .map((m) =>
      !unmasked && typeof m.phoneNumber === 'string' ? { ...m, phoneNumber: maskPhone(m.phoneNumber) } : m,
    );
}

export const listMethods: Handler = (ctx) => {
  const u = resolveUser(ctx);
  if (isResponse(u)) return u;
  const segment = ctx.params.collection;
  let methods = visibleMethods(ctx, u.methods);
  let context = `users('${u.id}')/authentication/methods`;
  if (segment) {
    const spec = METHOD_COLLECTIONS[segment];
    if (!spec || (spec.betaOnly && ctx.req.version !== 'beta')) {
      return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`, ctx.req);
    }
    methods = methods.filter((m) => m['@odata.type'] === spec.type);
    context = `users('${u.id}')/authentication/${segment}`;
  }
  return collection(ctx.req, arraySource(methods), { context, defaultTop: 100, maxTop: 999 });
};

export const getMethod: Handler = (ctx) => {
  const u = resolveUser(ctx);
  if (isResponse(u)) return u;
  const segment = ctx.params.collection ?? 'methods';
  const spec = METHOD_COLLECTIONS[segment];
  if (segment !== 'methods' && (!spec || (spec.betaOnly && ctx.req.version !== 'beta'))) {
    return graphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`, ctx.req);
  }
  const m = visibleMethods(ctx, u.methods).find(
    (x) => x.id === ctx.params.method && (!spec || x['@odata.type'] === spec.type),
  );
  return m
    ? entity(ctx.req, `users('${u.id}')/authentication/${segment}`, m)
    : notFound(ctx, ctx.params.method ?? '');
};

export const getSignInPreferences: Handler = (ctx) => {
  const u = resolveUser(ctx);
  if (isResponse(u)) return u;
  const hasPush = u.methods.some(
    (m) => m['@odata.type'] === '#microsoft.graph.microsoftAuthenticatorAuthenticationMethod',
  );
  return {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: {
      '@odata.context': `${ctx.req.base}/$metadata#users('${u.id}')/authentication/signInPreferences`,
      isSystemPreferredAuthenticationMethodEnabled: true,
      userPreferredMethodForSecondaryAuthentication: u.preferredMethod,
      systemPreferredAuthenticationMethod: hasPush
        ? 'push'
        : u.methods.some((m) => m.phoneType)
          ? 'sms'
          : null,
    },
  };
};
