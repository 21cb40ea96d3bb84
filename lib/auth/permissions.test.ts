import { describe, expect, it } from 'vitest';
import { can } from './permissions';

describe('can', () => {
  it('gives reporters writing but never publishing, moderation or accounts', () => {
    expect(can('reporter', 'articles:write-own')).toBe(true);
    expect(can('reporter', 'articles:publish')).toBe(false);
    expect(can('reporter', 'comments:moderate')).toBe(false);
    expect(can('reporter', 'articles:correct')).toBe(false);
    expect(can('reporter', 'users:manage')).toBe(false);
  });

  it('gives editors the newsroom but not accounts or the audit log', () => {
    expect(can('editor', 'articles:publish')).toBe(true);
    expect(can('editor', 'comments:moderate')).toBe(true);
    expect(can('editor', 'articles:correct')).toBe(true);
    expect(can('editor', 'users:manage')).toBe(false);
    expect(can('editor', 'audit:view')).toBe(false);
  });

  it('gives admins everything and nobody anything without a role', () => {
    expect(can('admin', 'users:manage')).toBe(true);
    expect(can('admin', 'audit:view')).toBe(true);
    expect(can(null, 'dashboard:view')).toBe(false);
  });
});
