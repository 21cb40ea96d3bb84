import Link from 'next/link';
import type { PublicPolicyVersion } from '@/db/queries/privacy-policy';
import { formatDate, toVietnamIso } from '@/lib/dates';
import { POLICY_PATH, POLICY_SECTION_TITLES, POLICY_TEXT_FIELDS, policyBlocks, policyVersionPath } from '@/lib/privacy-policy';

type Props = {
  policy: PublicPolicyVersion;
  /** The version in force (may be `policy` itself). */
  currentVersion: number;
  /** Every version, newest first, for the list of the others. */
  versions: { version: number; createdAt: Date }[];
};

const REQUESTS_PATH = '/yeu-cau-du-lieu-ca-nhan';

// Links between versions are plain <a>: `?phien-ban=N` is a rewrite to another route, and the
// client router, seeing the same static path, could keep the page it has.

/** One version of the policy, as plain text in large type, with the list of the other versions. */
export function PrivacyPolicyView({ policy, currentVersion, versions }: Props) {
  const isCurrent = policy.version === currentVersion;
  const others = versions.filter((v) => v.version !== currentVersion);
  return (
    <article className="article policy" aria-labelledby="tieu-de">
      <nav aria-label="Vị trí" className="breadcrumb no-print">
        <Link href="/">Trang chủ</Link>
        {' › '}
        <a href={POLICY_PATH}>Bảo vệ dữ liệu cá nhân</a>
      </nav>
      <h1 id="tieu-de" className="article__title">
        Chính sách bảo vệ dữ liệu cá nhân
      </h1>
      <p className="article__meta policy__version">
        <span>
          Phiên bản {policy.version}, ngày <time dateTime={toVietnamIso(policy.createdAt)}>{formatDate(policy.createdAt)}</time>
        </span>
      </p>
      {isCurrent ? null : (
        <p className="notice policy__not-current">
          Đây là phiên bản {policy.version}, không phải phiên bản hiện hành.{' '}
          <a href={POLICY_PATH}>Xem phiên bản hiện hành (phiên bản {currentVersion})</a>
        </p>
      )}
      <div className="article__body policy__body">
        <section aria-labelledby="to-chuc">
          <h2 id="to-chuc">Tổ chức xử lý dữ liệu cá nhân</h2>
          <p>{policy.organisationName}</p>
          <p>Địa chỉ: {policy.address}</p>
          {policy.contactPhone ? (
            <p>
              Điện thoại: <a href={`tel:${policy.contactPhone.replace(/[^0-9+]/g, '')}`}>{policy.contactPhone}</a>
            </p>
          ) : null}
          {policy.contactEmail ? (
            <p>
              Thư điện tử: <a href={`mailto:${policy.contactEmail}`}>{policy.contactEmail}</a>
            </p>
          ) : null}
        </section>
        {POLICY_TEXT_FIELDS.map((field) => (
          <section key={field} aria-labelledby={`muc-${field}`}>
            <h2 id={`muc-${field}`}>{POLICY_SECTION_TITLES[field]}</h2>
            {policyBlocks(policy[field]).map((block, i) =>
              block.kind === 'paragraph' ? (
                <p key={i}>{block.text}</p>
              ) : (
                <ul key={i}>
                  {block.items.map((item, j) => (
                    <li key={j}>{item}</li>
                  ))}
                </ul>
              ),
            )}
          </section>
        ))}
        <p>
          Gửi yêu cầu về dữ liệu cá nhân của bạn: <Link href={REQUESTS_PATH}>Yêu cầu về dữ liệu cá nhân</Link>
        </p>
      </div>
      {others.length > 0 ? (
        <section aria-labelledby="phien-ban-truoc" className="policy__versions no-print">
          <h2 id="phien-ban-truoc">Các phiên bản trước</h2>
          <ul>
            {others.map((v) => (
              <li key={v.version}>
                <a href={policyVersionPath(v.version)} aria-current={v.version === policy.version ? 'page' : undefined}>
                  Phiên bản {v.version}, ngày {formatDate(v.createdAt)}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}
