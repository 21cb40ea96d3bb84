import Link from 'next/link';
import { site } from '@/lib/site';

export function SiteFooter() {
  return (
    <footer className="site-footer">
      <div className="container">
        <p className="site-footer__name">{site.name}</p>
        <address>
          <p>Cơ quan chủ quản: {site.publisher}</p>
          <p>{site.contact.editorInChief}</p>
          <p>Địa chỉ: {site.contact.address}</p>
          <p>
            Điện thoại: <a href={`tel:${site.contact.phone.replace(/\s/g, '')}`}>{site.contact.phone}</a> · Thư điện tử:{' '}
            <a href={`mailto:${site.contact.email}`}>{site.contact.email}</a>
          </p>
          <p>{site.contact.license}</p>
        </address>
        <p>
          <a href="/rss.xml">RSS</a> · <a href="/dinh-chinh">Đính chính</a>
        </p>
        <p>
          <a href="/bao-ve-du-lieu-ca-nhan">Bảo vệ dữ liệu cá nhân</a>
        </p>
        <p>
          <Link href="/yeu-cau-du-lieu-ca-nhan">Yêu cầu về dữ liệu cá nhân</Link>
        </p>
      </div>
    </footer>
  );
}
