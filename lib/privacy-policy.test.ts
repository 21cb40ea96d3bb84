import { describe, expect, it } from 'vitest';
import { parsePolicyVersion, PolicySchema, policyBlocks } from './privacy-policy';

describe('privacy policy text', () => {
  it('lays plain text out as paragraphs and lists, and never as markup', () => {
    expect(policyBlocks('Mở đầu\ndòng tiếp.\n\n- một\n- hai\nKết <b>thúc</b>')).toEqual([
      { kind: 'paragraph', text: 'Mở đầu dòng tiếp.' },
      { kind: 'list', items: ['một', 'hai'] },
      { kind: 'paragraph', text: 'Kết <b>thúc</b>' },
    ]);
    expect(policyBlocks('  \n\n ')).toEqual([]);
  });

  it('reads a version number only as a form writes it', () => {
    expect(parsePolicyVersion('3')).toBe(3);
    for (const bad of ['', '0', '03', '-1', '1.5', '1e3', ' 2', '2147483648', '99999999999']) expect(parsePolicyVersion(bad)).toBeNull();
    expect(parsePolicyVersion(3)).toBeNull();
  });

  it('the form: Vietnamese errors per field, one contact at least, tidy text', () => {
    const ok = PolicySchema.safeParse({
      organisationName: '  UBND\nquận ',
      address: 'Số 1',
      contactPhone: '',
      contactEmail: 'A@B.VN',
      collected: 'a\r\n\r\n\r\n\r\nb  ',
      purposes: 'p',
      retention: 'r',
      rights: 'q',
      basedOn: '2',
    });
    expect(ok.success && ok.data).toMatchObject({ organisationName: 'UBND quận', contactEmail: 'a@b.vn', collected: 'a\n\nb', basedOn: 2 });
    const bad = PolicySchema.safeParse({ organisationName: '', address: 'x', contactPhone: '', contactEmail: '', collected: 'x'.repeat(10_001), purposes: '', retention: 'r', rights: 'q', basedOn: 'abc' });
    expect(bad.success).toBe(false);
    const errors = bad.success ? {} : Object.fromEntries(bad.error.issues.map((i) => [i.path.join('.'), i.message]));
    expect(errors).toMatchObject({
      organisationName: 'Vui lòng nhập tên tổ chức xử lý dữ liệu.',
      collected: expect.stringContaining('Tối đa'),
      purposes: 'Vui lòng nêu mục đích xử lý.',
      basedOn: expect.stringContaining('Phiên bản không hợp lệ'),
    });
    // With the rest right, no contact at all is said beside both contact fields.
    const noContact = PolicySchema.safeParse({ organisationName: 'x', address: 'x', contactPhone: ' ', contactEmail: '', collected: 'x', purposes: 'x', retention: 'x', rights: 'x' });
    expect(noContact.success ? [] : noContact.error.issues.map((i) => i.path.join('.'))).toEqual(['contactPhone', 'contactEmail']);
  });
});
