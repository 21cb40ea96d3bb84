// The personal-data policy (issue 16): its fields, the form's schema and how its plain text is
// laid out. No framework here: the writes, the pages and the tests share it.
import { z } from 'zod';
import { emailSchema } from './email';
import { normalizeText } from './vietnamese';

export const POLICY_PATH = '/bao-ve-du-lieu-ca-nhan';
/** `?phien-ban=N` on the policy page: a given version. */
export const POLICY_VERSION_PARAM = 'phien-ban';
export const policyVersionPath = (version: number) => `${POLICY_PATH}?${POLICY_VERSION_PARAM}=${version}`;

/** The comment form's checkbox, word for word (issue 16); the last words link to the policy. */
export const CONSENT_LABEL_BEFORE_LINK = 'Tôi đồng ý để ban biên tập xử lý họ tên và số điện thoại theo ';
export const CONSENT_LINK_TEXT = 'Chính sách bảo vệ dữ liệu cá nhân';
export const CONSENT_REQUIRED = 'Vui lòng đánh dấu đồng ý với Chính sách bảo vệ dữ liệu cá nhân để gửi bình luận.';
export const CONSENT_STALE = 'Chính sách bảo vệ dữ liệu cá nhân vừa được cập nhật. Vui lòng đọc phiên bản mới rồi đánh dấu đồng ý lại.';

/**
 * How long a superseded version may still be consented to: a reader may have opened the
 * article (a cached page, or a tab left open) before the new version was published. Past
 * this, the form asks for consent to the current version.
 */
export const SUPERSEDED_GRACE_HOURS = 24;

/** The largest policy version a form may name (a PostgreSQL integer). */
const VERSION_MAX = 2_147_483_647;

/** `"3"` → 3; anything not written as a whole number 1…2^31−1 → null. */
export function parsePolicyVersion(value: unknown): number | null {
  if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) return null;
  const n = Number(value);
  return n <= VERSION_MAX ? n : null;
}

/** The editable fields, in the order the page and the form show them. */
export const POLICY_TEXT_FIELDS = ['collected', 'purposes', 'retention', 'rights'] as const;
export type PolicyTextField = (typeof POLICY_TEXT_FIELDS)[number];

export const POLICY_SECTION_TITLES: Record<PolicyTextField, string> = {
  collected: 'Dữ liệu cá nhân được thu thập',
  purposes: 'Mục đích xử lý',
  retention: 'Thời gian lưu trữ',
  rights: 'Quyền của bạn và cách thực hiện',
};

export const POLICY_TEXT_MAX = 10_000;

const line = (max: number, required: string, tooLong: string) =>
  z
    .string()
    .transform((v) => normalizeText(v.replace(/[\u0000\r\n]+/g, ' ')))
    .pipe(z.string().min(1, required).max(max, tooLong));

const body = (required: string) =>
  z
    .string()
    // Keep the line breaks (they are the layout); tidy each line and the ends.
    .transform((v) =>
      v
        .replace(/\u0000/g, '')
        .normalize('NFC')
        .replace(/\r\n?/g, '\n')
        .split('\n')
        .map((l) => l.replace(/[\t ]+$/g, ''))
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(z.string().min(1, required).max(POLICY_TEXT_MAX, `Tối đa ${POLICY_TEXT_MAX.toLocaleString('vi-VN')} ký tự.`));

/** The admin's form: every field of a version, and the version it was based on. */
export const PolicySchema = z
  .object({
    organisationName: line(200, 'Vui lòng nhập tên tổ chức xử lý dữ liệu.', 'Tên tổ chức tối đa 200 ký tự.'),
    address: line(300, 'Vui lòng nhập địa chỉ.', 'Địa chỉ tối đa 300 ký tự.'),
    contactPhone: z
      .string()
      .transform((v) => normalizeText(v))
      .pipe(z.string().max(30, 'Số điện thoại tối đa 30 ký tự.').regex(/^[0-9+()., -]*$/, 'Số điện thoại chỉ gồm chữ số, dấu cách, + ( ) . -')),
    contactEmail: z
      .string()
      .transform((v) => v.trim())
      .pipe(z.union([z.literal(''), emailSchema])),
    collected: body('Vui lòng nêu dữ liệu được thu thập.'),
    purposes: body('Vui lòng nêu mục đích xử lý.'),
    retention: body('Vui lòng nêu thời gian lưu trữ.'),
    rights: body('Vui lòng nêu quyền của chủ thể dữ liệu và cách thực hiện.'),
    basedOn: z.unknown().optional().transform((value, ctx) => {
      if (value === undefined || value === '') return null;
      const version = parsePolicyVersion(value);
      if (version === null) {
        ctx.addIssue({ code: 'custom', message: 'Phiên bản không hợp lệ. Vui lòng tải lại trang.' });
        return z.NEVER;
      }
      return version;
    }),
  })
  .superRefine((value, ctx) => {
    if (!value.contactPhone && !value.contactEmail) {
      const message = 'Vui lòng nhập ít nhất số điện thoại hoặc thư điện tử liên hệ.';
      ctx.addIssue({ code: 'custom', path: ['contactPhone'], message });
      ctx.addIssue({ code: 'custom', path: ['contactEmail'], message });
    }
  });

export type PolicyInput = Omit<z.infer<typeof PolicySchema>, 'basedOn'>;

/** The fields that make a version's content (what "no change" compares). */
export const POLICY_CONTENT_FIELDS = ['organisationName', 'address', 'contactPhone', 'contactEmail', ...POLICY_TEXT_FIELDS] as const;

export function samePolicyContent(a: PolicyInput, b: PolicyInput): boolean {
  return POLICY_CONTENT_FIELDS.every((field) => a[field] === b[field]);
}

export type PolicyBlock = { kind: 'paragraph'; text: string } | { kind: 'list'; items: string[] };

/**
 * A section's plain text as blocks: paragraphs split by blank lines; consecutive lines that
 * start with `- ` (or `• `) make a list. Text only: the page renders each block as text, so
 * nothing an admin types can become markup.
 */
export function policyBlocks(text: string): PolicyBlock[] {
  const blocks: PolicyBlock[] = [];
  for (const chunk of text.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    let paragraph: string[] = [];
    let list: string[] | null = null;
    const flushParagraph = () => {
      if (paragraph.length) blocks.push({ kind: 'paragraph', text: paragraph.join(' ') });
      paragraph = [];
    };
    const flushList = () => {
      if (list?.length) blocks.push({ kind: 'list', items: list });
      list = null;
    };
    for (const raw of chunk.split('\n')) {
      const l = raw.trim();
      if (!l) continue;
      const item = /^[-•]\s+(.*)$/.exec(l);
      if (item) {
        flushParagraph();
        list ??= [];
        list.push(item[1]!);
      } else {
        flushList();
        paragraph.push(l);
      }
    }
    flushParagraph();
    flushList();
  }
  return blocks;
}
