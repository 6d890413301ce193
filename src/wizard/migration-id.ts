// Migration ids name a folder on disk (per-user data lives under migrations/<id>/), so they are a
// lower-case ASCII slug of the name plus a short random suffix that keeps two "Production" migrations
// apart. The randomness lives here, in the shell, so the reducer stays deterministic.
import { randomBytes } from 'node:crypto';

const MAX_SLUG = 40;

export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // drop accents: "Müller" -> "muller"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
  return slug || 'migration';
}

export function randomSuffix(): string {
  return randomBytes(3).toString('hex');
}

export function makeMigrationId(name: string, suffix: string = randomSuffix()): string {
  return `${slugify(name)}-${suffix}`;
}
