import type { Metadata } from 'next';
import { countMedia, listMedia } from '@/db/queries/media';
import { requireUser } from '@/lib/auth/session';
import { UploadForm } from './upload-form';

export const metadata: Metadata = { title: 'Thư viện ảnh' };

export default async function MediaPage() {
  const user = await requireUser('media:upload', '/dashboard/media');
  const [items, total] = await Promise.all([listMedia(user), countMedia(user)]);
  return (
    <>
      <h1>Thư viện ảnh</h1>
      <UploadForm />
      <h2>Ảnh đã tải ({total.toLocaleString('vi-VN')})</h2>
      <ul className="media-grid">
        {items.map((m) => {
          const thumb = m.variants[0] ?? { key: m.storageKey, width: m.width, height: m.height };
          return (
            <li key={m.id} className="media-item">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={`/media/${thumb.key}`} width={thumb.width} height={thumb.height} alt={m.alt} loading="lazy" />
              <p>
                <strong>Mã {m.id}</strong> · {m.width}×{m.height}
              </p>
              <p className="media-item__alt">{m.alt}</p>
              <input readOnly value={`/media/${m.storageKey}`} aria-label={`Đường dẫn ảnh ${m.id}`} />
            </li>
          );
        })}
      </ul>
    </>
  );
}
