// The publisher's identity, shown in the header, footer, feeds and structured data.
export const site = {
  name: 'Cổng thông tin điện tử Quận Bình Minh',
  shortName: 'Quận Bình Minh',
  description: 'Tin tức, chính sách và thông báo của Ủy ban nhân dân Quận Bình Minh.',
  publisher: 'Ủy ban nhân dân Quận Bình Minh',
  contact: {
    address: 'Số 1 đường Hòa Bình, phường Trung Tâm, Quận Bình Minh',
    phone: '028 0000 0000',
    email: 'banbientap@binhminh.example',
    editorInChief: 'Trưởng Ban biên tập: Chánh Văn phòng UBND quận',
    license: 'Giấy phép số 00/GP-TTĐT (dữ liệu minh họa)',
  },
  locale: 'vi_VN',
} as const;

/** Absolute base URL for canonical links, feeds and sitemaps. */
export function siteUrl(): string {
  const configured = process.env.SITE_URL;
  if (configured) return configured.replace(/\/+$/, '');
  return `http://localhost:${process.env.PORT ?? '3000'}`;
}
