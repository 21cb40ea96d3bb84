// Deterministic Vietnamese news text for bulk test content (`npm run seed:bulk`): articles,
// comments and bylines built from word lists and templates, driven by a seeded generator so
// that one seed always gives the same text. Every place, person and figure is invented.
// Bodies use only markup the article sanitiser keeps (p, h2, ul/ol/li, blockquote, strong, em)
// and never `&`, `<`, `>` or `"` in text, so sanitising leaves them byte for byte unchanged.

/** A seeded pseudo-random source (sfc32 over a cyrb128 hash of the seed). Not for secrets. */
export type Random = {
  /** Uniform in [0, 1). */
  next: () => number;
  /** Whole number in [min, max]. */
  int: (min: number, max: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
  /** Standard normal (Box–Muller). */
  gaussian: () => number;
  /** `length` lowercase hex digits. */
  hex: (length: number) => string;
};

export function createRandom(seed: string): Random {
  // cyrb128: four 32-bit words from the seed string.
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < seed.length; i++) {
    const k = seed.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  let a = (h1 ^ h2 ^ h3 ^ h4) >>> 0;
  let b = (h2 ^ h1) >>> 0;
  let c = (h3 ^ h1) >>> 0;
  let d = (h4 ^ h1) >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 15; i++) next();
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    chance: (p) => next() < p,
    gaussian: () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next()),
    hex: (length) => {
      let out = '';
      while (out.length < length) out += (Math.floor(next() * 4294967296) >>> 0).toString(16).padStart(8, '0');
      return out.slice(0, length);
    },
  };
}

// ─────────────────────────────── formatting ───────────────────────────────

/** 1234567 → "1.234.567" (Vietnamese groups thousands with dots). */
export function formatNumberVi(n: number): string {
  return String(Math.trunc(n)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
}

/** 12.5 → "12,5" (decimal comma), whole numbers without decimals. */
function formatDecimalVi(n: number): string {
  const fixed = n.toFixed(1);
  return fixed.endsWith('.0') ? formatNumberVi(n) : `${formatNumberVi(Math.trunc(n))},${fixed.slice(-1)}`;
}

const capitalize = (s: string) => (s.length === 0 ? s : s.charAt(0).toUpperCase() + s.slice(1));

// ─────────────────────────────── word lists ───────────────────────────────

const WARDS = [
  'Tân Hòa', 'Phú Lợi', 'An Lạc', 'Đông Xuyên', 'Bình Minh', 'Hòa Khánh', 'Tân Phước', 'Long Thạnh',
  'Mỹ Xuân', 'Phước Hưng', 'Thạnh Lộc', 'An Phú', 'Hiệp Thành', 'Vĩnh Lộc', 'Trung Mỹ', 'Tây Sơn',
  'Đông Hưng', 'Thuận An', 'Phú Mỹ', 'Hưng Long', 'Tân Thạnh', 'Bình Khánh', 'Hòa Thuận', 'Phước Long',
  'An Nhơn', 'Xuân Hòa', 'Thới An', 'Lộc Hưng', 'Nhơn Đức', 'Tân Quý',
] as const;

const DISTRICTS = [
  'quận Bình Minh', 'quận Bình Minh', 'quận Bình Minh', 'quận Hòa Bình', 'quận Sông Xanh',
  'quận Phú Xuân', 'quận An Khánh', 'quận Đông Sơn', 'quận Thạch Bàn', 'quận Tân Lập',
] as const;

const STREETS = [
  'Lê Lợi', 'Trần Hưng Đạo', 'Nguyễn Huệ', 'Hai Bà Trưng', 'Lý Thường Kiệt', 'Phan Chu Trinh', 'Quang Trung',
  'Nguyễn Du', 'Bạch Đằng', 'Hàm Nghi', 'Võ Thị Sáu', 'Điện Biên Phủ', 'Cách Mạng Tháng Tám', 'Ngô Quyền',
  'Tô Hiến Thành', 'Nguyễn Trãi', 'Lê Quý Đôn', 'Phạm Ngũ Lão', 'Trần Phú', 'Hùng Vương', 'Lạc Long Quân',
  'Âu Cơ', 'Nguyễn Thị Minh Khai', 'Pasteur', 'Yersin', 'Chu Văn An', 'Nguyễn Đình Chiểu', 'Bà Triệu',
  'Lê Thánh Tông', 'Trường Chinh', 'Tân Hòa 3', 'Liên khu 5-6', 'số 12', 'số 7',
] as const;

const FAMILY_NAMES = [
  'Nguyễn', 'Nguyễn', 'Nguyễn', 'Trần', 'Trần', 'Lê', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ',
  'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đinh', 'Trương', 'Lâm', 'Mai', 'Tô', 'Quách',
] as const;
const MALE_MIDDLE = ['Văn', 'Văn', 'Hữu', 'Minh', 'Đức', 'Quốc', 'Thanh', 'Công', 'Xuân', 'Gia', 'Hoàng', 'Tuấn'] as const;
const FEMALE_MIDDLE = ['Thị', 'Thị', 'Ngọc', 'Thu', 'Thanh', 'Kim', 'Mỹ', 'Hoài', 'Phương', 'Bích', 'Diệu'] as const;
const MALE_GIVEN = [
  'An', 'Bình', 'Cường', 'Dũng', 'Đạt', 'Hải', 'Hiếu', 'Hòa', 'Hùng', 'Huy', 'Khang', 'Khánh', 'Kiên',
  'Long', 'Lộc', 'Minh', 'Nam', 'Nghĩa', 'Phong', 'Phúc', 'Quân', 'Sơn', 'Tài', 'Thắng', 'Thành', 'Thịnh',
  'Trung', 'Tuấn', 'Việt', 'Vinh', 'Bảo', 'Toàn', 'Đông', 'Lâm', 'Quang',
] as const;
const FEMALE_GIVEN = [
  'Anh', 'Chi', 'Dung', 'Giang', 'Hà', 'Hạnh', 'Hằng', 'Hiền', 'Hoa', 'Hương', 'Lan', 'Liên', 'Linh',
  'Loan', 'Mai', 'My', 'Nga', 'Ngân', 'Nhung', 'Oanh', 'Phương', 'Quyên', 'Thảo', 'Thủy', 'Trang', 'Tuyết',
  'Uyên', 'Vân', 'Xuân', 'Yến', 'Huyền', 'Thư',
] as const;

type Person = { name: string; title: 'ông' | 'bà'; given: string };

function person(random: Random): Person {
  const female = random.chance(0.5);
  const family = random.pick(FAMILY_NAMES);
  const middle = random.pick(female ? FEMALE_MIDDLE : MALE_MIDDLE);
  const given = random.pick(female ? FEMALE_GIVEN : MALE_GIVEN);
  return { name: `${family} ${middle} ${given}`, title: female ? 'bà' : 'ông', given };
}

const OFFICIAL_ROLES = [
  'Chủ tịch UBND {phuong}', 'Phó Chủ tịch UBND {phuong}', 'Phó Chủ tịch UBND {quan}',
  'Chánh Văn phòng HĐND và UBND {quan}', 'Bí thư Đảng ủy {phuong}', 'Chủ tịch Ủy ban MTTQ Việt Nam {phuong}',
  'Trưởng phòng Quản lý đô thị {quan}', 'Trưởng phòng Tài nguyên và Môi trường {quan}',
  'Trưởng phòng Kinh tế {quan}', 'Trưởng phòng Lao động – Thương binh và Xã hội {quan}',
  'Giám đốc Trung tâm Y tế {quan}', 'Trưởng phòng Giáo dục và Đào tạo {quan}', 'Trưởng Công an {phuong}',
  'Tổ trưởng tổ dân phố {to}', 'Trưởng khu phố {to}',
] as const;

const UNITS = [
  'Phòng Quản lý đô thị', 'Phòng Tài nguyên và Môi trường', 'Phòng Kinh tế', 'Phòng Văn hóa và Thông tin',
  'Phòng Lao động – Thương binh và Xã hội', 'Phòng Giáo dục và Đào tạo', 'Trung tâm Y tế',
  'Văn phòng HĐND và UBND', 'Ban Quản lý dự án đầu tư xây dựng khu vực', 'Đội Quản lý trật tự đô thị',
  'Phòng Tư pháp', 'Hội Liên hiệp Phụ nữ', 'Đoàn Thanh niên',
] as const;

const SCHOOL_KINDS = ['Trường Mầm non', 'Trường Tiểu học', 'Trường THCS', 'Trường THPT'] as const;
const SCHOOL_NAMES = [
  'Lê Quý Đôn', 'Nguyễn Trãi', 'Chu Văn An', 'Trần Quốc Toản', 'Võ Trường Toản', 'Lê Văn Tám', 'Kim Đồng',
  'Hoa Sen', 'Sơn Ca', 'Họa Mi', 'Nguyễn Bỉnh Khiêm', 'Lương Thế Vinh', 'Tân Hòa', 'An Lạc', 'Phú Lợi',
] as const;

const QUARTERS = ['I', 'II', 'III', 'IV'] as const;

// ─────────────────────────────── sections and topics ───────────────────────────────

export type BulkSection = { slug: string; name: string; description: string };

/** Sections bulk articles go into (the demo's four, plus four more). Created when missing. */
export const BULK_SECTIONS: readonly BulkSection[] = [
  { slug: 'thoi-su', name: 'Thời sự', description: 'Tin tức nổi bật về hoạt động chỉ đạo, điều hành và đời sống dân cư trên địa bàn quận.' },
  { slug: 'kinh-te', name: 'Kinh tế', description: 'Thông tin về sản xuất, kinh doanh, việc làm và môi trường đầu tư tại quận Bình Minh.' },
  { slug: 'van-hoa-xa-hoi', name: 'Văn hóa - Xã hội', description: 'Hoạt động văn hóa, giáo dục, y tế và an sinh xã hội gần gũi với người dân.' },
  { slug: 'chinh-sach', name: 'Chính sách - Pháp luật', description: 'Chính sách mới và hướng dẫn thực hiện thủ tục hành chính dành cho người dân, doanh nghiệp.' },
  { slug: 'do-thi', name: 'Đô thị', description: 'Quy hoạch, chỉnh trang đô thị, giao thông, chống ngập và cây xanh.' },
  { slug: 'giao-duc', name: 'Giáo dục', description: 'Tuyển sinh, trường lớp, học bổng và hoạt động của các trường trên địa bàn.' },
  { slug: 'y-te', name: 'Y tế', description: 'Chăm sóc sức khỏe, phòng chống dịch bệnh và hoạt động của các trạm y tế.' },
  { slug: 'an-ninh-trat-tu', name: 'An ninh - Trật tự', description: 'Phòng cháy chữa cháy, an ninh trật tự, phòng chống tội phạm và lừa đảo.' },
];

type Topic = {
  section: string;
  tags: readonly string[];
  titles: readonly string[];
  leads: readonly string[];
  sentences: readonly string[];
  headings: readonly string[];
  items: readonly string[];
  quotes: readonly string[];
};

// Templates: {phuong} a ward, {phuong2} another, {quan} the district, {duong}/{duong2} streets,
// {canbo} an official with name and role, {ten} that official's name, {dan} a resident,
// {donvi} a unit, {truong} a school, {nam}/{namtruoc}/{namsau} years, {namhoc} a school year,
// {thang} a month, {quy} a quarter, {to} a residential group, {so:a:b} a number in [a, b],
// {tyle} a percentage, {tien} billions of đồng, {trieu} millions of đồng, {ngay} a date.
const TOPICS: readonly Topic[] = [
  {
    section: 'do-thi',
    tags: ['Chỉnh trang đô thị', 'Vỉa hè', 'Chiếu sáng công cộng', 'Trật tự đô thị'],
    titles: [
      '{phuong} chỉnh trang {so:3:15} tuyến hẻm, lắp mới {so:40:300} đèn chiếu sáng',
      'Lập lại trật tự vỉa hè trên {duong}',
      '{quan} chi {tien} cải tạo vỉa hè các tuyến đường trung tâm',
      'Người dân {phuong} góp {trieu} mở rộng hẻm, làm đường bê tông',
      'Hoàn thành nâng cấp {duong} trước thời hạn {so:5:30} ngày',
      'Lắp camera giám sát trật tự đô thị tại {so:10:60} điểm ở {phuong}',
      'Sẽ cải tạo toàn bộ hệ thống chiếu sáng trên {duong} trong năm {nam}',
    ],
    leads: [
      'Sau {so:2:6} tháng thi công, {so:3:15} tuyến hẻm tại {phuong} đã được chỉnh trang khang trang, sạch đẹp với mặt đường bê tông mới và hệ thống đèn chiếu sáng hiện đại.',
      'UBND {phuong} vừa phối hợp với Đội Quản lý trật tự đô thị {quan} ra quân lập lại trật tự vỉa hè trên {duong}, nhắc nhở {so:20:90} hộ kinh doanh lấn chiếm lòng lề đường.',
      'Dự án cải tạo vỉa hè với tổng vốn {tien} được kỳ vọng trả lại không gian đi bộ thông thoáng cho người dân {quan}.',
    ],
    sentences: [
      'Toàn bộ mặt đường được nâng cao trung bình {so:15:40} cm, kết hợp thay mới hệ thống cống thoát nước dọc tuyến.',
      'Đơn vị thi công đã lắp đặt {so:40:300} bộ đèn LED tiết kiệm điện, thay thế các bóng đèn cao áp cũ đã xuống cấp.',
      'Qua kiểm tra, lực lượng chức năng lập biên bản {so:5:40} trường hợp vi phạm, tạm giữ nhiều bàn ghế, bảng hiệu lấn chiếm vỉa hè.',
      'Các hộ kinh doanh đã ký cam kết không buôn bán, đậu xe trên phần vỉa hè dành cho người đi bộ.',
      'Việc chỉnh trang được thực hiện theo phương châm Nhà nước và nhân dân cùng làm, người dân hiến hơn {so:100:900} m² đất để mở rộng hẻm.',
      'Theo kế hoạch, năm {nam} {quan} tiếp tục cải tạo thêm {so:8:25} tuyến đường với tổng chiều dài khoảng {so:5:18} km.',
      'Nhiều hộ dân chủ động tháo dỡ mái che, bậc tam cấp lấn chiếm trước khi đơn vị thi công vào làm.',
      'Vỉa hè sau cải tạo được lát đá granite, bố trí lối đi dành cho người khuyết tật và trồng bổ sung cây xanh.',
    ],
    headings: ['Diện mạo mới cho khu dân cư', 'Người dân đồng thuận', 'Xử lý dứt điểm vi phạm', 'Kế hoạch trong thời gian tới'],
    items: [
      'Nâng cấp mặt đường bê tông xi măng dày {so:15:25} cm',
      'Thay mới {so:300:1500} m cống thoát nước',
      'Lắp đặt {so:40:300} đèn LED chiếu sáng',
      'Trồng mới {so:30:200} cây xanh, bồn hoa',
      'Kẻ vạch sơn, lắp biển báo giao thông',
      'Di dời {so:5:30} trụ điện, tủ điện vướng lối đi',
    ],
    quotes: [
      'Trước đây hẻm tối và lầy lội mỗi khi mưa, nay đường sáng, sạch, trẻ con đi học cũng yên tâm hơn.',
      'Vỉa hè thông thoáng thì người đi bộ an toàn, buôn bán cũng văn minh hơn, chúng tôi rất ủng hộ.',
    ],
  },
  {
    section: 'do-thi',
    tags: ['Chống ngập', 'Thoát nước', 'Mùa mưa'],
    titles: [
      'Nạo vét {so:2:12} km kênh rạch, chủ động chống ngập mùa mưa năm {nam}',
      'Xóa điểm ngập kéo dài nhiều năm trên {duong}',
      '{quan} còn {so:3:12} điểm ngập khi mưa lớn kết hợp triều cường',
      'Khởi công dự án cải tạo hệ thống thoát nước tại {phuong}',
      'Lắp van ngăn triều tại {so:4:20} cửa xả ở {phuong}',
    ],
    leads: [
      'Trước dự báo mùa mưa năm {nam} đến sớm với cường độ lớn, {quan} đã rà soát các điểm ngập, nạo vét kênh rạch và xây dựng phương án ứng phó theo phương châm bốn tại chỗ.',
      'Dự án cải tạo hệ thống thoát nước tại {phuong} có tổng vốn đầu tư {tien}, dự kiến hoàn thành sau {so:8:18} tháng thi công.',
      'Sau khi tuyến cống mới trên {duong} đi vào hoạt động, khu vực này không còn ngập sâu mỗi khi có mưa lớn như trước.',
    ],
    sentences: [
      'Nguyên nhân chủ yếu là hệ thống cống thoát nước xuống cấp, một số đoạn bị thu hẹp do rác thải và xây dựng lấn chiếm.',
      'Lực lượng công nhân đã nạo vét hơn {so:300:2500} m³ bùn đất, vớt {so:20:150} tấn rác trên các tuyến kênh.',
      'Ban Chỉ huy phòng thủ dân sự {quan} đã bố trí {so:4:15} máy bơm công suất lớn tại các điểm xung yếu.',
      'Người dân được khuyến cáo không xả rác xuống miệng cống, kênh rạch để dòng chảy luôn thông thoáng.',
      'Tuyến cống mới có đường kính {so:800:2000} mm, đủ sức tiêu thoát nước cho khu vực rộng khoảng {so:20:90} ha.',
      'Khi có mưa lớn, các tổ phản ứng nhanh của phường túc trực tại những điểm ngập để hướng dẫn phương tiện lưu thông.',
      'Năm {namtruoc}, địa bàn ghi nhận {so:10:30} đợt ngập, có đợt nước dâng cao {so:20:50} cm gây khó khăn cho người dân.',
    ],
    headings: ['Rà soát từng điểm ngập', 'Phương án bốn tại chỗ', 'Cần ý thức của người dân', 'Giải pháp lâu dài'],
    items: [
      'Nạo vét {so:2:12} km kênh rạch và cống ngầm',
      'Lắp đặt van ngăn triều tại các cửa xả',
      'Bố trí máy bơm dự phòng tại điểm xung yếu',
      'Thành lập tổ phản ứng nhanh ở từng phường',
      'Cắm biển cảnh báo tại các vị trí ngập sâu',
    ],
    quotes: [
      'Mỗi lần mưa lớn là nước tràn vào nhà, nay cống mới làm xong, cả xóm mừng lắm.',
      'Chống ngập không chỉ là việc của chính quyền, mỗi người bớt xả rác xuống cống là đã góp phần rồi.',
    ],
  },
  {
    section: 'do-thi',
    tags: ['Giao thông', 'An toàn giao thông', 'Xe buýt'],
    titles: [
      'Điều chỉnh tổ chức giao thông tại nút giao {duong} – {duong2}',
      'Tạm cấm xe tải trên {duong} từ ngày {ngay}',
      'Mở mới tuyến xe buýt kết nối {phuong} với trung tâm {quan}',
      'Lắp đặt đèn tín hiệu giao thông tại {so:3:12} giao lộ thường xuyên ùn tắc',
      'Giảm {tyle} số vụ tai nạn giao thông so với cùng kỳ năm {namtruoc}',
    ],
    leads: [
      'Từ ngày {ngay}, các phương tiện lưu thông qua nút giao {duong} – {duong2} sẽ đi theo phương án tổ chức giao thông mới nhằm giảm ùn tắc vào giờ cao điểm.',
      'Tuyến xe buýt mới dài khoảng {so:12:28} km, với tần suất {so:10:20} phút một chuyến, giúp người dân {phuong} thuận tiện đi lại.',
      'Trong {so:6:9} tháng đầu năm {nam}, tình hình trật tự an toàn giao thông trên địa bàn {quan} chuyển biến tích cực.',
    ],
    sentences: [
      'Theo phương án mới, xe máy và ô tô con được phép rẽ trái, xe tải trên {so:5:10} tấn không được đi vào tuyến đường này.',
      'Đơn vị quản lý đã lắp đặt đầy đủ biển báo, vạch sơn và bố trí lực lượng hướng dẫn người dân trong những ngày đầu.',
      'Lượng phương tiện qua khu vực vào giờ cao điểm ước tính khoảng {so:3:12} nghìn lượt mỗi giờ.',
      'Tuyến xe buýt đi qua {so:15:40} trạm dừng, trong đó có các bệnh viện, trường học và chợ lớn của quận.',
      'Lực lượng chức năng đã xử lý {so:500:3500} trường hợp vi phạm, chủ yếu là không đội mũ bảo hiểm và vượt đèn đỏ.',
      'Người dân có thể góp ý về phương án tổ chức giao thông qua đường dây nóng hoặc Cổng thông tin điện tử của quận.',
    ],
    headings: ['Phân luồng từ sớm', 'Giờ cao điểm thông thoáng hơn', 'Tăng cường xử lý vi phạm', 'Lắng nghe ý kiến người dân'],
    items: [
      'Xe máy, ô tô con được rẽ trái tại giao lộ',
      'Xe tải trên 5 tấn đi theo đường vòng',
      'Bổ sung {so:2:6} làn đường dành cho xe máy',
      'Điều chỉnh chu kỳ đèn tín hiệu vào giờ cao điểm',
    ],
    quotes: [
      'Sáng nào tôi cũng qua đây đưa con đi học, từ khi phân luồng lại thì đỡ kẹt xe hẳn.',
      'Tuyến xe buýt mới rất tiện, người lớn tuổi như tôi đi khám bệnh không còn phải nhờ con cháu chở.',
    ],
  },
  {
    section: 'do-thi',
    tags: ['Môi trường', 'Cây xanh', 'Phân loại rác'],
    titles: [
      'Trồng mới {so:200:2000} cây xanh trên địa bàn {quan}',
      '{phuong} thí điểm phân loại rác tại nguồn ở {so:3:12} tổ dân phố',
      'Ra quân tổng vệ sinh, thu gom {so:5:60} tấn rác tại {phuong}',
      'Xóa {so:4:20} điểm tập kết rác tự phát dọc {duong}',
      'Cải tạo khu đất trống thành vườn hoa cho người dân {phuong}',
    ],
    leads: [
      'Hưởng ứng Tết trồng cây năm {nam}, {quan} đã trồng mới {so:200:2000} cây xanh tại các tuyến đường, trường học và công viên.',
      'Sau {so:3:9} tháng thí điểm, {tyle} hộ dân tại các tổ dân phố tham gia đã thực hiện phân loại rác tại nguồn.',
      'Khu đất trống từng là nơi đổ rác tự phát nay đã được cải tạo thành vườn hoa, sân chơi cho trẻ em và người cao tuổi.',
    ],
    sentences: [
      'Các loại cây được chọn trồng gồm sao đen, dầu rái, lim xẹt và bằng lăng, phù hợp với điều kiện khí hậu địa phương.',
      'Mỗi hộ dân được phát hai thùng chứa để phân loại rác hữu cơ và rác tái chế.',
      'Lực lượng đoàn viên thanh niên, hội viên phụ nữ và người dân đã tham gia thu gom rác dọc các tuyến kênh.',
      'Lượng rác thải sinh hoạt đưa đi xử lý giảm khoảng {tyle} so với trước khi thực hiện thí điểm.',
      'UBND phường đã lắp camera và biển cấm đổ rác tại những vị trí thường xuyên bị đổ trộm.',
      'Kinh phí cải tạo khoảng {trieu}, một phần do các doanh nghiệp trên địa bàn đóng góp.',
    ],
    headings: ['Thêm mảng xanh cho đô thị', 'Thay đổi thói quen từ mỗi gia đình', 'Không để rác quay lại'],
    items: [
      'Phân loại rác hữu cơ dễ phân hủy',
      'Thu gom riêng giấy, nhựa, kim loại tái chế',
      'Rác nguy hại như pin, bóng đèn để riêng',
      'Bỏ rác đúng giờ quy định của tổ thu gom',
    ],
    quotes: [
      'Lúc đầu thấy phiền, nhưng làm quen rồi thì phân loại rác cũng nhanh, nhà cửa sạch sẽ hơn.',
      'Khu này trước kia toàn rác, giờ chiều nào tôi cũng dẫn cháu ra vườn hoa chơi.',
    ],
  },
  {
    section: 'chinh-sach',
    tags: ['Cải cách hành chính', 'Dịch vụ công trực tuyến', 'Một cửa'],
    titles: [
      '{phuong} tiếp nhận {so:1000:9000} hồ sơ trực tuyến trong quý {quy}',
      'Rút ngắn thời gian cấp giấy phép xây dựng còn {so:5:12} ngày làm việc',
      '{quan} đứng đầu thành phố về chỉ số cải cách hành chính năm {namtruoc}',
      'Người dân {phuong} được hẹn giờ làm thủ tục tại bộ phận một cửa qua điện thoại',
      'Từ tháng {thang}, {phuong} trả kết quả thủ tục hành chính tại nhà cho người cao tuổi',
    ],
    leads: [
      'Trong quý {quy} năm {nam}, bộ phận một cửa {phuong} đã tiếp nhận {so:1000:9000} hồ sơ trực tuyến, tỷ lệ giải quyết đúng hạn đạt {tyle}.',
      'Nhằm giảm thời gian chờ đợi, {quan} triển khai cho người dân đặt lịch làm thủ tục hành chính qua điện thoại và ứng dụng trên điện thoại thông minh.',
      'Kết quả này ghi nhận nỗ lực của {quan} trong việc đơn giản hóa thủ tục, tăng cường ứng dụng công nghệ thông tin.',
    ],
    sentences: [
      'Các thủ tục được thực hiện nhiều nhất là chứng thực bản sao, đăng ký khai sinh và xác nhận tình trạng hôn nhân.',
      'Người dân có thể nộp hồ sơ, theo dõi tiến độ và nhận kết quả qua Cổng dịch vụ công mà không cần đến trụ sở.',
      'Bộ phận một cửa bố trí {so:2:6} cán bộ hỗ trợ người dân tạo tài khoản và nộp hồ sơ trực tuyến.',
      'Thời gian giải quyết trung bình mỗi hồ sơ giảm từ {so:7:15} ngày xuống còn {so:2:6} ngày làm việc.',
      'Mọi phản ánh về thái độ phục vụ của cán bộ được tiếp nhận qua đường dây nóng và hòm thư góp ý.',
      'UBND {quan} yêu cầu các phường công khai đầy đủ thủ tục, phí, lệ phí và thời hạn giải quyết.',
      'Kết quả khảo sát cho thấy {tyle} người dân hài lòng với chất lượng phục vụ của bộ phận một cửa.',
    ],
    headings: ['Hồ sơ trực tuyến tăng mạnh', 'Hỗ trợ người dân từng bước', 'Công khai, minh bạch', 'Mục tiêu năm {nam}'],
    items: [
      'Đăng ký khai sinh, khai tử',
      'Chứng thực bản sao từ bản chính',
      'Xác nhận tình trạng hôn nhân',
      'Đăng ký tạm trú, thường trú',
      'Cấp giấy phép xây dựng nhà ở riêng lẻ',
    ],
    quotes: [
      'Tôi nộp hồ sơ trên điện thoại buổi tối, hai hôm sau đã có kết quả, không phải xin nghỉ làm.',
      'Cán bộ hướng dẫn tận tình, làm một lần là biết cách, lần sau tự làm được.',
    ],
  },
  {
    section: 'chinh-sach',
    tags: ['Đất đai', 'Nhà ở', 'Giấy chứng nhận'],
    titles: [
      'Cấp {so:100:900} giấy chứng nhận quyền sử dụng đất lần đầu cho hộ dân {phuong}',
      '{quan} hướng dẫn thủ tục tách thửa theo quy định mới',
      'Công khai bảng giá đất áp dụng trên địa bàn {quan} năm {nam}',
      'Giải quyết dứt điểm {so:10:60} hồ sơ đất đai tồn đọng tại {phuong}',
    ],
    leads: [
      'Sau nhiều năm chờ đợi, {so:100:900} hộ dân {phuong} đã nhận giấy chứng nhận quyền sử dụng đất, yên tâm ổn định cuộc sống.',
      'Phòng Tài nguyên và Môi trường {quan} vừa có văn bản hướng dẫn chi tiết hồ sơ, trình tự tách thửa đất ở theo quy định mới.',
      'Nhiều hồ sơ đất đai tồn đọng do vướng nguồn gốc đất, thiếu giấy tờ đã được tháo gỡ sau đợt rà soát.',
    ],
    sentences: [
      'Hồ sơ gồm đơn đề nghị, giấy chứng nhận đã cấp, bản vẽ sơ đồ thửa đất và giấy tờ tùy thân của người sử dụng đất.',
      'Diện tích tối thiểu được tách thửa đối với đất ở tại các phường là {so:36:50} m², mặt tiền không nhỏ hơn {so:3:4} m.',
      'Đoàn công tác đã đến tận nhà từng hộ để xác minh nguồn gốc, hiện trạng sử dụng đất.',
      'Người dân cần kiểm tra kỹ thông tin trên giấy chứng nhận, nếu có sai sót phải báo ngay để được đính chính.',
      'Mọi thủ tục về đất đai được niêm yết công khai tại bộ phận một cửa và trên Cổng thông tin điện tử.',
    ],
    headings: ['Tháo gỡ vướng mắc kéo dài', 'Hồ sơ cần chuẩn bị', 'Lưu ý với người dân'],
    items: [
      'Đơn đề nghị theo mẫu',
      'Bản gốc giấy chứng nhận đã cấp',
      'Bản vẽ sơ đồ thửa đất',
      'Căn cước công dân của người sử dụng đất',
    ],
    quotes: [
      'Gia đình tôi ở đây hơn hai mươi năm, giờ mới có giấy chứng nhận, cả nhà ai cũng mừng.',
      'Được cán bộ đến tận nhà hướng dẫn nên hồ sơ làm một lần là đủ.',
    ],
  },
  {
    section: 'chinh-sach',
    tags: ['Văn bản mới', 'Pháp luật', 'Tuyên truyền pháp luật'],
    titles: [
      'Từ ngày {ngay}, nhiều quy định mới liên quan trực tiếp đến người dân có hiệu lực',
      'Tổ chức {so:20:80} buổi tuyên truyền pháp luật tại các tổ dân phố',
      'Giải đáp thắc mắc của người dân {phuong} về đăng ký cư trú',
      'Hòa giải thành {so:30:150} vụ việc ở cơ sở trong năm {namtruoc}',
    ],
    leads: [
      'Phòng Tư pháp {quan} tổng hợp những quy định mới có hiệu lực từ ngày {ngay} mà người dân cần lưu ý.',
      'Năm {namtruoc}, các tổ hòa giải ở cơ sở trên địa bàn {quan} đã hòa giải thành {so:30:150} vụ việc, góp phần giữ gìn tình làng nghĩa xóm.',
      'Nhiều người dân băn khoăn về thủ tục đăng ký cư trú khi không còn sử dụng sổ hộ khẩu giấy.',
    ],
    sentences: [
      'Các buổi tuyên truyền tập trung vào luật đất đai, luật cư trú và các quy định về phòng chống bạo lực gia đình.',
      'Người dân có thể tra cứu toàn văn các văn bản trên Cổng thông tin điện tử của quận hoặc tại tủ sách pháp luật của phường.',
      'Hòa giải viên đa số là người có uy tín trong khu dân cư, am hiểu phong tục và pháp luật.',
      'Trường hợp chưa rõ, người dân có thể liên hệ Phòng Tư pháp {quan} để được tư vấn miễn phí.',
      'Việc phổ biến pháp luật được lồng ghép trong các buổi sinh hoạt tổ dân phố, họp chi hội phụ nữ, người cao tuổi.',
    ],
    headings: ['Những điểm mới cần biết', 'Hòa giải từ cơ sở', 'Tra cứu ở đâu'],
    items: [
      'Quy định mới về đăng ký, quản lý cư trú',
      'Mức xử phạt vi phạm hành chính về trật tự đô thị',
      'Thủ tục cấp căn cước cho trẻ em',
      'Chính sách hỗ trợ người lao động',
    ],
    quotes: [
      'Nhờ tổ hòa giải mà hai nhà hàng xóm đã bắt tay nhau, không phải đưa nhau ra tòa.',
      'Nghe cán bộ giải thích cụ thể thì tôi mới hiểu thủ tục, không còn lo lắng nữa.',
    ],
  },
  {
    section: 'kinh-te',
    tags: ['Doanh nghiệp', 'Đầu tư', 'Khởi nghiệp'],
    titles: [
      'Hơn {so:100:800} doanh nghiệp thành lập mới tại {quan} trong {so:3:9} tháng',
      'Lãnh đạo {quan} gặp gỡ, tháo gỡ khó khăn cho doanh nghiệp',
      'Thu ngân sách {quan} đạt {tyle} dự toán năm {nam}',
      'Hỗ trợ {so:20:120} hộ kinh doanh chuyển đổi số, bán hàng trực tuyến',
      'Khởi nghiệp từ sản phẩm truyền thống của {phuong}',
    ],
    leads: [
      'Trong {so:3:9} tháng đầu năm {nam}, trên địa bàn {quan} có thêm hơn {so:100:800} doanh nghiệp thành lập mới với tổng vốn đăng ký khoảng {tien}.',
      'Tại buổi gặp gỡ, nhiều doanh nghiệp kiến nghị về thủ tục thuế, mặt bằng sản xuất và tiếp cận nguồn vốn vay ưu đãi.',
      'Chương trình hỗ trợ chuyển đổi số giúp các hộ kinh doanh nhỏ làm quen với thanh toán không dùng tiền mặt và bán hàng trên mạng.',
    ],
    sentences: [
      'Phần lớn doanh nghiệp mới hoạt động trong lĩnh vực thương mại, dịch vụ, ăn uống và vận tải.',
      'Lãnh đạo quận giao các phòng chuyên môn trả lời bằng văn bản những kiến nghị trong vòng {so:7:15} ngày làm việc.',
      'Chi cục Thuế khu vực đã hướng dẫn {so:200:1200} hộ kinh doanh chuyển sang sử dụng hóa đơn điện tử.',
      'Tổng thu ngân sách trên địa bàn ước đạt {tien}, tăng {tyle} so với cùng kỳ năm {namtruoc}.',
      'Nhiều sản phẩm của cơ sở sản xuất nhỏ đã có mặt trên các sàn thương mại điện tử và được khách hàng đón nhận.',
      'Quận cam kết đồng hành, tạo môi trường đầu tư kinh doanh thuận lợi, minh bạch cho doanh nghiệp.',
      'Ngân hàng Chính sách xã hội quận giải ngân {tien} vốn vay ưu đãi cho các hộ sản xuất kinh doanh.',
    ],
    headings: ['Tín hiệu tích cực', 'Lắng nghe doanh nghiệp', 'Chuyển đổi số cho hộ kinh doanh', 'Đồng hành cùng doanh nghiệp'],
    items: [
      'Rút ngắn thời gian cấp phép kinh doanh',
      'Hỗ trợ lãi suất vay vốn cho doanh nghiệp nhỏ',
      'Tập huấn kỹ năng bán hàng trực tuyến',
      'Kết nối doanh nghiệp với các chuỗi siêu thị',
      'Đối thoại định kỳ giữa chính quyền và doanh nghiệp',
    ],
    quotes: [
      'Thủ tục bây giờ nhanh hơn nhiều, chỉ mấy ngày là có giấy phép, chúng tôi yên tâm mở rộng sản xuất.',
      'Từ khi bán hàng trên mạng, đơn hàng của tiệm tăng gần gấp đôi.',
    ],
  },
  {
    section: 'kinh-te',
    tags: ['Việc làm', 'Lao động', 'Ngày hội việc làm'],
    titles: [
      'Ngày hội việc làm: {so:30:120} doanh nghiệp tuyển hơn {so:1000:5000} lao động',
      'Giải quyết việc làm cho {so:1000:6000} lao động trong năm {nam}',
      'Dạy nghề miễn phí cho {so:50:400} lao động nông thôn, người khuyết tật',
      'Kết nối việc làm cho thanh niên {phuong} sau khi xuất ngũ',
    ],
    leads: [
      'Ngày hội việc làm do {quan} tổ chức thu hút {so:30:120} doanh nghiệp tham gia tuyển dụng với hơn {so:1000:5000} vị trí việc làm.',
      'Năm {nam}, {quan} đặt mục tiêu giải quyết việc làm cho {so:1000:6000} lao động, trong đó có {so:300:1500} lao động có việc làm mới.',
      'Các lớp dạy nghề miễn phí giúp nhiều lao động có thu nhập ổn định, nhất là người khuyết tật và lao động lớn tuổi.',
    ],
    sentences: [
      'Các vị trí tuyển dụng tập trung ở ngành may mặc, điện tử, kinh doanh và dịch vụ khách hàng, mức lương từ {so:6:15} triệu đồng mỗi tháng.',
      'Người lao động được phỏng vấn trực tiếp, nhiều trường hợp nhận việc ngay tại ngày hội.',
      'Các lớp học nghề gồm may công nghiệp, sửa chữa điện lạnh, pha chế đồ uống và chăm sóc sắc đẹp.',
      'Trung tâm dịch vụ việc làm tư vấn miễn phí về chính sách bảo hiểm thất nghiệp và hướng nghiệp cho học sinh.',
      'Sau khóa học, {tyle} học viên đã tìm được việc làm hoặc tự mở cơ sở kinh doanh nhỏ.',
    ],
    headings: ['Nhiều cơ hội cho người lao động', 'Học nghề gắn với việc làm', 'Chính sách hỗ trợ'],
    items: [
      'Công nhân may, điện tử',
      'Nhân viên bán hàng, thu ngân',
      'Tài xế giao hàng',
      'Nhân viên chăm sóc khách hàng',
      'Kỹ thuật viên điện lạnh',
    ],
    quotes: [
      'Tôi đến ngày hội từ sớm và được nhận vào làm ngay, mức lương đủ lo cho gia đình.',
      'Học nghề xong tôi mở được tiệm nhỏ tại nhà, vừa làm vừa chăm con.',
    ],
  },
  {
    section: 'kinh-te',
    tags: ['Chợ truyền thống', 'Bình ổn giá', 'Tết'],
    titles: [
      'Cải tạo chợ {cho}, bố trí lại {so:100:400} sạp hàng',
      'Chợ {cho}: hàng hóa dồi dào, giá cả ổn định dịp Tết Nguyên đán {nam}',
      'Kiểm tra an toàn thực phẩm tại {so:20:80} cơ sở kinh doanh ở chợ {cho}',
      'Phiên chợ hàng Việt thu hút {so:40:200} gian hàng tại {phuong}',
    ],
    leads: [
      'Sau {so:4:10} tháng cải tạo, chợ {cho} đã hoạt động trở lại với không gian thông thoáng, hệ thống phòng cháy chữa cháy được đầu tư đồng bộ.',
      'Các điểm bán hàng bình ổn giá trên địa bàn {quan} đã chuẩn bị nguồn hàng dồi dào, đáp ứng nhu cầu mua sắm của người dân dịp cuối năm.',
      'Đoàn kiểm tra liên ngành an toàn thực phẩm {quan} vừa kiểm tra {so:20:80} cơ sở kinh doanh tại chợ {cho}.',
    ],
    sentences: [
      'Tổng kinh phí cải tạo khoảng {tien}, từ nguồn ngân sách quận và đóng góp của tiểu thương.',
      'Giá thịt heo, rau củ và trái cây ổn định, một số mặt hàng giảm nhẹ so với tuần trước.',
      'Đoàn kiểm tra lấy {so:30:150} mẫu thực phẩm để test nhanh, tất cả đều đạt yêu cầu.',
      'Ban Quản lý chợ yêu cầu tiểu thương niêm yết giá, không bán hàng không rõ nguồn gốc xuất xứ.',
      'Tiểu thương được bố trí sạp tạm trong thời gian thi công để không gián đoạn việc buôn bán.',
    ],
    headings: ['Chợ mới, diện mạo mới', 'Nguồn hàng dồi dào', 'Bảo đảm an toàn thực phẩm'],
    items: [
      'Niêm yết giá công khai',
      'Hàng hóa có nguồn gốc rõ ràng',
      'Trang bị bình chữa cháy tại mỗi dãy sạp',
      'Thu gom rác cuối mỗi ngày',
    ],
    quotes: [
      'Chợ mới sạch sẽ, khách đến đông hơn, buôn bán cũng vui hơn.',
      'Năm nay hàng nhiều, giá không tăng, đi chợ Tết thấy yên tâm.',
    ],
  },
  {
    section: 'giao-duc',
    tags: ['Giáo dục', 'Tuyển sinh', 'Trường học'],
    titles: [
      '{truong} khánh thành {so:6:24} phòng học mới',
      'Tuyển sinh lớp 6 năm học {namhoc}: {quan} tăng thêm {so:3:12} lớp',
      'Trao {so:50:300} suất học bổng cho học sinh vượt khó học giỏi',
      '{quan} có {so:10:60} học sinh đạt giải học sinh giỏi cấp thành phố',
      'Kiểm tra an toàn {so:10:40} trường học trước ngày khai giảng năm học {namhoc}',
    ],
    leads: [
      'Công trình {truong} được xây dựng trên diện tích {so:2000:9000} m², với {so:6:24} phòng học, phòng thí nghiệm và thư viện hiện đại.',
      'Năm học {namhoc}, các trường trên địa bàn {quan} dự kiến tiếp nhận khoảng {so:2000:6000} học sinh lớp 6.',
      'Mỗi suất học bổng trị giá {so:1:5} triệu đồng, dành cho học sinh có hoàn cảnh khó khăn nhưng luôn nỗ lực vươn lên trong học tập.',
    ],
    sentences: [
      'Công trình có tổng vốn đầu tư {tien}, được khởi công từ năm {namtruoc}.',
      'Phụ huynh đăng ký tuyển sinh trực tuyến trên hệ thống của Phòng Giáo dục và Đào tạo, không cần nộp hồ sơ giấy.',
      'Nhà trường đã kiểm tra, sửa chữa bàn ghế, hệ thống điện và bổ sung thiết bị dạy học trước ngày khai giảng.',
      'Tỷ lệ học sinh lên lớp đạt {tyle}, tỷ lệ tốt nghiệp trung học cơ sở đạt trên {so:95:99}%.',
      'Quỹ khuyến học của quận được duy trì nhờ sự đóng góp của doanh nghiệp, nhà hảo tâm và cựu học sinh.',
      'Hiệu trưởng nhà trường cho biết, phòng học mới giúp nhà trường tổ chức dạy hai buổi mỗi ngày cho tất cả học sinh.',
      'Các em học sinh đạt giải được quận tuyên dương và tặng giấy khen, kèm phần thưởng khuyến khích.',
    ],
    headings: ['Trường mới khang trang', 'Tuyển sinh trực tuyến', 'Tiếp sức đến trường', 'Chuẩn bị cho năm học mới'],
    items: [
      'Đăng ký tuyển sinh trực tuyến từ ngày {ngay}',
      'Công bố kết quả trên Cổng thông tin điện tử',
      'Nhập học trực tiếp tại trường',
      'Học sinh khó khăn được miễn, giảm học phí',
    ],
    quotes: [
      'Con tôi được học trong phòng học mới, có máy chiếu, có thư viện, gia đình rất yên tâm.',
      'Suất học bổng tuy không lớn nhưng là động lực để em cố gắng học tốt hơn.',
    ],
  },
  {
    section: 'y-te',
    tags: ['Y tế', 'Sức khỏe cộng đồng', 'Tiêm chủng'],
    titles: [
      'Khám sức khỏe miễn phí cho {so:200:1200} người cao tuổi tại {phuong}',
      'Phun hóa chất diệt muỗi tại {so:5:30} tổ dân phố phòng sốt xuất huyết',
      'Tiêm chủng mở rộng đạt {tyle} trẻ em trong độ tuổi',
      'Trạm y tế {phuong} đưa vào sử dụng khu khám bệnh mới',
      'Số ca sốt xuất huyết tăng, {phuong} khuyến cáo người dân diệt lăng quăng',
    ],
    leads: [
      'Chương trình khám sức khỏe miễn phí do Trung tâm Y tế {quan} phối hợp với UBND {phuong} tổ chức đã thu hút {so:200:1200} người cao tuổi tham gia.',
      'Từ đầu năm {nam} đến nay, {quan} ghi nhận {so:50:400} ca sốt xuất huyết, tăng so với cùng kỳ năm trước.',
      'Trạm y tế {phuong} được cải tạo với kinh phí {trieu}, có phòng tiêm chủng, phòng khám và khu chờ thoáng mát.',
    ],
    sentences: [
      'Người cao tuổi được đo huyết áp, xét nghiệm đường huyết, khám mắt và nhận thuốc miễn phí.',
      'Ngành y tế khuyến cáo người dân úp ngược dụng cụ chứa nước, thả cá bảy màu vào lu, khạp để diệt lăng quăng.',
      'Các đội phun hóa chất làm việc vào sáng sớm và chiều tối, người dân được thông báo trước để đóng cửa, che đậy thực phẩm.',
      'Trẻ em trong độ tuổi được tiêm đầy đủ các loại vắc xin phòng bệnh theo chương trình tiêm chủng mở rộng.',
      'Trạm y tế tiếp nhận khám bệnh có bảo hiểm y tế, quản lý bệnh không lây nhiễm như tăng huyết áp, đái tháo đường.',
      'Khi có dấu hiệu sốt cao liên tục, người dân cần đến cơ sở y tế gần nhất để được khám và theo dõi.',
    ],
    headings: ['Chăm lo sức khỏe người cao tuổi', 'Không chủ quan với sốt xuất huyết', 'Y tế cơ sở được nâng cấp'],
    items: [
      'Úp ngược các dụng cụ chứa nước không sử dụng',
      'Thay nước bình hoa mỗi tuần',
      'Ngủ mùng kể cả ban ngày',
      'Đến cơ sở y tế khi sốt cao liên tục',
    ],
    quotes: [
      'Được khám bệnh, phát thuốc ngay tại phường, người già như tôi đỡ vất vả đi xa.',
      'Cán bộ y tế đến tận nhà nhắc nhở diệt lăng quăng, nhà nào cũng làm nên xóm sạch hẳn.',
    ],
  },
  {
    section: 'van-hoa-xa-hoi',
    tags: ['An sinh xã hội', 'Hộ nghèo', 'Người khuyết tật', 'Nhà tình thương'],
    titles: [
      'Trao {so:5:40} căn nhà tình thương cho hộ nghèo {quan}',
      'Hỗ trợ sinh kế cho {so:30:200} người khuyết tật tại {phuong}',
      '{quan} giảm {so:100:600} hộ nghèo trong năm {namtruoc}',
      'Tặng {so:300:2000} phần quà Tết cho gia đình chính sách, hộ khó khăn',
      'Xe lăn và dụng cụ trợ giúp đến với người khuyết tật {phuong}',
    ],
    leads: [
      'Mỗi căn nhà tình thương có diện tích khoảng {so:30:60} m², trị giá {so:60:120} triệu đồng, do Ủy ban MTTQ Việt Nam {quan} vận động xây dựng.',
      'Chương trình hỗ trợ sinh kế giúp người khuyết tật có thêm vốn, công cụ lao động để tự tạo thu nhập, ổn định cuộc sống.',
      'Nhân dịp Tết Nguyên đán, {quan} đã trao {so:300:2000} phần quà cho gia đình chính sách, người có công và hộ có hoàn cảnh khó khăn.',
    ],
    sentences: [
      'Các hộ được hỗ trợ đều có hoàn cảnh đặc biệt khó khăn, nhà ở xuống cấp nghiêm trọng.',
      'Mỗi phần quà gồm tiền mặt và nhu yếu phẩm, tổng trị giá khoảng {so:500:1500} nghìn đồng.',
      'Người khuyết tật được hỗ trợ vốn vay không lãi suất, máy may, xe đẩy bán hàng và học nghề miễn phí.',
      'Quỹ Vì người nghèo của quận năm {nam} vận động được {tien} từ cán bộ, doanh nghiệp và nhà hảo tâm.',
      'Tỷ lệ hộ nghèo theo chuẩn của thành phố giảm còn {so:1:3},{so:1:9}%.',
      'Ngoài hỗ trợ vật chất, các đoàn thể thường xuyên thăm hỏi, động viên và giới thiệu việc làm cho các hộ.',
    ],
    headings: ['Mái ấm cho người khó khăn', 'Hỗ trợ để tự vươn lên', 'Không để ai bị bỏ lại phía sau'],
    items: [
      'Xây mới, sửa chữa nhà tình thương',
      'Hỗ trợ vốn vay không lãi suất',
      'Tặng xe lăn, dụng cụ trợ giúp',
      'Cấp thẻ bảo hiểm y tế miễn phí',
      'Học bổng cho con em hộ nghèo',
    ],
    quotes: [
      'Cả đời tôi chưa dám nghĩ có căn nhà kiên cố thế này, cảm ơn bà con và chính quyền rất nhiều.',
      'Có chiếc máy may, tôi nhận hàng về làm tại nhà, mỗi tháng cũng có thêm thu nhập.',
    ],
  },
  {
    section: 'van-hoa-xa-hoi',
    tags: ['Văn hóa', 'Thể thao', 'Lễ hội', 'Văn nghệ'],
    titles: [
      'Liên hoan văn nghệ quần chúng {quan} năm {nam} thu hút {so:20:60} đội tham gia',
      'Giải chạy vì cộng đồng quy tụ {so:500:3000} vận động viên',
      'Khai mạc hội thao cán bộ, công chức {quan} năm {nam}',
      'Đường sách thiếu nhi mở cửa tại {phuong} dịp hè',
      'Phục dựng lễ hội truyền thống tại đình {cho}',
    ],
    leads: [
      'Liên hoan là dịp để các câu lạc bộ văn nghệ khu phố giao lưu, giới thiệu những tiết mục ca múa nhạc mang đậm bản sắc địa phương.',
      'Giải chạy năm nay có các cự ly 5 km, 10 km và 21 km, toàn bộ tiền đăng ký được dùng để xây nhà tình thương.',
      'Đường sách thiếu nhi với hơn {so:3000:10000} đầu sách phục vụ miễn phí các em học sinh trong suốt dịp hè.',
    ],
    sentences: [
      'Nhiều tiết mục đầu tư công phu, kết hợp đờn ca tài tử, hát bội và múa dân gian.',
      'Ban tổ chức trao {so:3:8} giải A, {so:5:10} giải B và nhiều giải khuyến khích cho các đội xuất sắc.',
      'Các vận động viên xuất phát từ công viên trung tâm, chạy qua {duong} và {duong2}.',
      'Hội thao gồm các môn bóng đá, cầu lông, bóng bàn, kéo co và chạy việt dã.',
      'Hoạt động văn hóa, thể thao góp phần xây dựng đời sống tinh thần lành mạnh cho người dân khu phố.',
      'Lễ hội được tổ chức trang trọng với nghi thức truyền thống, thu hút đông đảo người dân và du khách.',
    ],
    headings: ['Sân chơi bổ ích', 'Lan tỏa tinh thần thể thao', 'Gìn giữ nét đẹp truyền thống'],
    items: [
      'Thi văn nghệ quần chúng',
      'Giải bóng đá thiếu niên',
      'Trưng bày sách, báo',
      'Trò chơi dân gian cho thiếu nhi',
    ],
    quotes: [
      'Năm nào tôi cũng cùng câu lạc bộ tham gia liên hoan, vui lắm vì được gặp gỡ bà con các phường.',
      'Chạy bộ vừa khỏe người vừa góp tiền xây nhà cho người nghèo, ý nghĩa lắm.',
    ],
  },
  {
    section: 'an-ninh-trat-tu',
    tags: ['Phòng cháy chữa cháy', 'An toàn chung cư', 'Cứu nạn cứu hộ'],
    titles: [
      'Diễn tập phòng cháy chữa cháy tại chung cư {cho}',
      'Ra mắt {so:5:30} tổ liên gia an toàn phòng cháy chữa cháy tại {phuong}',
      'Kiểm tra an toàn phòng cháy tại {so:50:300} nhà trọ, nhà cho thuê',
      'Hướng dẫn người dân {phuong} thoát nạn khi xảy ra cháy nhà ống',
    ],
    leads: [
      'Buổi diễn tập giả định đám cháy xảy ra tại tầng {so:3:15} chung cư, với sự tham gia của hơn {so:100:400} cư dân và lực lượng chữa cháy chuyên nghiệp.',
      'Mỗi tổ liên gia gồm {so:5:10} hộ liền kề, được trang bị bình chữa cháy, thang dây và búa phá cửa dùng chung.',
      'Qua kiểm tra, đoàn công tác phát hiện nhiều nhà trọ chưa có lối thoát nạn thứ hai, hệ thống điện không bảo đảm an toàn.',
    ],
    sentences: [
      'Cư dân được hướng dẫn sử dụng bình chữa cháy, cách che mũi miệng và di chuyển theo lối thoát hiểm.',
      'Đoàn kiểm tra yêu cầu chủ nhà trọ khắc phục các thiếu sót trong vòng {so:7:30} ngày.',
      'Mỗi gia đình nên có phương án thoát nạn riêng, không khóa trái cửa và không để xe chắn lối đi.',
      'Khi phát hiện cháy, người dân gọi ngay số 114 và thông báo cho những người xung quanh.',
      'Mô hình tổ liên gia an toàn giúp xử lý kịp thời các đám cháy ngay từ khi mới phát sinh.',
      'Lực lượng công an phường thường xuyên kiểm tra, nhắc nhở các hộ kinh doanh có nguy cơ cháy nổ cao.',
    ],
    headings: ['Tình huống sát thực tế', 'Tổ liên gia cùng nhau phòng cháy', 'Những điều cần nhớ'],
    items: [
      'Gọi ngay 114 khi phát hiện cháy',
      'Ngắt cầu dao điện',
      'Dùng khăn ướt che mũi miệng',
      'Di chuyển theo lối thoát nạn, không dùng thang máy',
      'Không quay lại lấy tài sản',
    ],
    quotes: [
      'Sau buổi diễn tập tôi mới biết cách dùng bình chữa cháy, nhà tôi đã mua thêm một bình để sẵn.',
      'Nhà ống lối ra ít nên phải chuẩn bị lối thoát thứ hai, không thể chủ quan.',
    ],
  },
  {
    section: 'an-ninh-trat-tu',
    tags: ['An ninh trật tự', 'Lừa đảo qua mạng', 'Camera an ninh'],
    titles: [
      'Công an {phuong} cảnh báo thủ đoạn lừa đảo qua điện thoại nhắm vào người cao tuổi',
      'Lắp {so:20:150} camera an ninh tại các tuyến hẻm {phuong}',
      'Mô hình tổ tự quản an ninh trật tự phát huy hiệu quả tại {phuong}',
      'Tuyên truyền phòng chống lừa đảo trực tuyến cho {so:300:1500} người dân',
    ],
    leads: [
      'Công an {quan} cảnh báo thời gian gần đây xuất hiện nhiều cuộc gọi giả danh cơ quan chức năng để yêu cầu người dân chuyển tiền.',
      'Hệ thống camera do người dân và doanh nghiệp cùng đóng góp giúp lực lượng chức năng kịp thời phát hiện, xử lý vụ việc.',
      'Sau {so:1:3} năm hoạt động, mô hình tổ tự quản đã góp phần kéo giảm các vụ trộm cắp vặt trên địa bàn.',
    ],
    sentences: [
      'Cơ quan công an không làm việc với người dân qua điện thoại và không yêu cầu chuyển tiền vào tài khoản cá nhân.',
      'Người dân tuyệt đối không cung cấp mã OTP, mật khẩu ngân hàng cho bất kỳ ai.',
      'Hình ảnh từ camera được kết nối về trụ sở công an phường, lưu trữ trong {so:15:30} ngày.',
      'Số vụ trộm cắp tài sản giảm {tyle} so với cùng kỳ nhờ sự phối hợp giữa người dân và lực lượng chức năng.',
      'Khi nhận được cuộc gọi nghi vấn, người dân nên liên hệ ngay công an phường nơi cư trú để được hướng dẫn.',
    ],
    headings: ['Thủ đoạn tinh vi', 'Mắt thần giữ bình yên khu phố', 'Người dân là tai mắt'],
    items: [
      'Không chuyển tiền theo yêu cầu qua điện thoại',
      'Không bấm vào đường dẫn lạ',
      'Không cung cấp mã OTP',
      'Báo ngay công an phường khi nghi ngờ',
    ],
    quotes: [
      'Suýt nữa tôi chuyển tiền cho kẻ gian, may mà con cháu kịp cản và báo công an.',
      'Từ khi có camera, hẻm nhà tôi không còn mất xe, mất đồ như trước.',
    ],
  },
  {
    section: 'thoi-su',
    tags: ['Tiếp xúc cử tri', 'Đối thoại', 'Hội đồng nhân dân'],
    titles: [
      'Đại biểu HĐND tiếp xúc cử tri {phuong} trước kỳ họp',
      'Lãnh đạo {quan} đối thoại với người dân về {chude}',
      'Cử tri {phuong} kiến nghị {so:20:60} ý kiến về dân sinh',
      'Kỳ họp HĐND {quan}: thông qua {so:8:20} nghị quyết quan trọng',
    ],
    leads: [
      'Tại buổi tiếp xúc, cử tri {phuong} đã nêu {so:20:60} ý kiến, tập trung vào {chude}, an ninh trật tự và thủ tục hành chính.',
      'Hội nghị đối thoại diễn ra cởi mở, thẳng thắn với sự tham gia của lãnh đạo {quan}, các phòng chuyên môn và gần {so:100:300} người dân.',
      'Kỳ họp đã xem xét báo cáo tình hình kinh tế – xã hội, thu chi ngân sách và thông qua {so:8:20} nghị quyết.',
    ],
    sentences: [
      'Cử tri đề nghị quận sớm có giải pháp dứt điểm tình trạng ngập nước, lấn chiếm vỉa hè trên {duong}.',
      'Những ý kiến thuộc thẩm quyền được lãnh đạo quận trả lời trực tiếp tại hội nghị.',
      'Các kiến nghị chưa thể giải quyết ngay sẽ được chuyển đến cơ quan có thẩm quyền và phản hồi bằng văn bản.',
      'Nhiều cử tri ghi nhận những chuyển biến tích cực về cảnh quan đô thị và chất lượng phục vụ của bộ phận một cửa.',
      'Đại biểu HĐND cam kết theo dõi, giám sát việc giải quyết kiến nghị của cử tri đến cùng.',
      'Kết quả giải quyết sẽ được đăng tải trên Cổng thông tin điện tử để người dân tiện theo dõi.',
    ],
    headings: ['Nhiều ý kiến tâm huyết', 'Trả lời thẳng thắn, cụ thể', 'Giám sát đến cùng'],
    items: [
      'Chống ngập và thoát nước',
      'Trật tự vỉa hè, lòng đường',
      'Thủ tục cấp giấy chứng nhận nhà đất',
      'Chất lượng trường học, trạm y tế',
    ],
    quotes: [
      'Chúng tôi mong kiến nghị nào cũng được trả lời đến nơi đến chốn và công khai cho bà con biết.',
      'Lãnh đạo xuống tận khu phố nghe dân nói, thế là chúng tôi rất quý.',
    ],
  },
  {
    section: 'thoi-su',
    tags: ['Chỉ đạo điều hành', 'Kinh tế - xã hội', 'Sơ kết'],
    titles: [
      '{quan} sơ kết {so:6:9} tháng thực hiện nhiệm vụ kinh tế – xã hội năm {nam}',
      'Lãnh đạo {quan} kiểm tra tiến độ {so:3:8} công trình trọng điểm',
      '{phuong} triển khai kế hoạch cao điểm bảo đảm trật tự đô thị dịp cuối năm {nam}',
      '{phuong} đạt chuẩn phường văn minh đô thị năm {nam}',
    ],
    leads: [
      'Theo báo cáo tại hội nghị, các chỉ tiêu kinh tế – xã hội của {quan} trong {so:6:9} tháng đầu năm {nam} cơ bản đạt và vượt kế hoạch.',
      'Đoàn công tác do lãnh đạo UBND {quan} dẫn đầu đã kiểm tra {so:3:8} công trình, yêu cầu nhà thầu tăng ca để bảo đảm tiến độ.',
      'Danh hiệu phường văn minh đô thị là kết quả của nhiều năm nỗ lực của chính quyền và người dân {phuong}.',
    ],
    sentences: [
      'Tổng vốn đầu tư công giải ngân đạt {tyle} kế hoạch, cao hơn mức bình quân chung của thành phố.',
      'Lãnh đạo quận yêu cầu các đơn vị khẩn trương hoàn thiện hồ sơ, không để chậm tiến độ vì thủ tục.',
      'Nhà thầu cam kết bố trí thêm nhân lực, máy móc để hoàn thành công trình trước ngày {ngay}.',
      'Công tác bảo đảm an ninh trật tự được giữ vững, không để xảy ra vụ việc phức tạp.',
      'Hội nghị đã thống nhất {so:5:12} nhóm nhiệm vụ trọng tâm cho những tháng cuối năm.',
      'Các phường được yêu cầu tăng cường kiểm tra, xử lý nghiêm các trường hợp vi phạm trật tự xây dựng.',
    ],
    headings: ['Nhiều chỉ tiêu vượt kế hoạch', 'Không để chậm tiến độ', 'Nhiệm vụ những tháng cuối năm'],
    items: [
      'Đẩy nhanh giải ngân vốn đầu tư công',
      'Cải thiện môi trường kinh doanh',
      'Chăm lo an sinh xã hội',
      'Giữ vững an ninh trật tự',
      'Nâng cao chất lượng phục vụ người dân',
    ],
    quotes: [
      'Công trình nào chậm thì phải chỉ rõ vướng ở đâu, ai chịu trách nhiệm, không nói chung chung.',
      'Kết quả hôm nay có phần đóng góp rất lớn của người dân, của từng tổ dân phố.',
    ],
  },
];

const CHU_DE = [
  'chỉnh trang đô thị', 'chống ngập', 'trật tự vỉa hè', 'cấp giấy chứng nhận nhà đất', 'an toàn giao thông',
  'thu gom rác thải', 'giá điện nước', 'trường lớp cho con em', 'dự án chậm tiến độ', 'cấp nước sạch',
] as const;

/** Sentences any article may use to fill out a paragraph. */
const GENERIC = [
  'Theo {donvi} {quan}, kết quả này có được nhờ sự vào cuộc đồng bộ của cả hệ thống chính trị và sự đồng thuận của người dân.',
  'Trong thời gian tới, {quan} sẽ tiếp tục theo dõi, đôn đốc các đơn vị thực hiện đúng tiến độ đề ra.',
  'Người dân có thể liên hệ bộ phận một cửa của {phuong} trong giờ hành chính để được hướng dẫn cụ thể.',
  'Phát biểu tại buổi làm việc, {canbo} đánh giá cao tinh thần trách nhiệm của các đơn vị.',
  'Theo {canbo} địa phương sẽ rà soát, đánh giá kết quả để nhân rộng cách làm hiệu quả.',
  'Tính đến cuối tháng {thang}, đã có {so:60:98}% tổ dân phố hoàn thành việc rà soát, lập danh sách.',
  '{canbo} cho biết địa phương sẽ tiếp tục lắng nghe ý kiến người dân để điều chỉnh cách làm cho phù hợp.',
  'Các tổ dân phố đã tổ chức họp dân, phổ biến kế hoạch và lấy ý kiến của từng hộ gia đình.',
  'Mọi thông tin chi tiết được niêm yết tại trụ sở UBND {phuong} và nhà văn hóa các khu phố.',
  'Dự kiến đến tháng {thang} năm {namsau}, toàn bộ các hạng mục sẽ được hoàn thành và đưa vào sử dụng.',
  'Trao đổi với phóng viên, {dan} cho biết rất phấn khởi trước những thay đổi tích cực của khu phố.',
  'Ủy ban MTTQ Việt Nam {phuong} sẽ giám sát quá trình thực hiện, bảo đảm công khai, minh bạch.',
  'Báo cáo của {donvi} {quan} cho thấy có {so:10:90} trường hợp đã được giải quyết dứt điểm từ đầu năm.',
  'Đây là một trong những nhiệm vụ trọng tâm mà {quan} đặt ra trong năm {nam}.',
  'Cán bộ phường đã đến từng nhà vận động, giải thích để người dân hiểu và cùng thực hiện.',
  'Lãnh đạo UBND {quan} đề nghị các phường chủ động phối hợp, không để tình trạng đùn đẩy trách nhiệm.',
  'Những trường hợp cố tình vi phạm sẽ bị xử lý nghiêm theo quy định của pháp luật.',
  'Tổng kinh phí thực hiện khoảng {tien}, từ nguồn ngân sách và xã hội hóa.',
  'Theo ghi nhận của phóng viên, trong sáng {ngay}, đông đảo người dân {phuong} đã có mặt từ sớm.',
  'Các ý kiến đóng góp của người dân được tổng hợp, gửi về {donvi} {quan} để nghiên cứu, tiếp thu.',
  'Kết quả khảo sát cho thấy {tyle} người dân được hỏi đánh giá hài lòng.',
  'Tổ dân phố {to} là một trong những nơi thực hiện tốt nhất, được {phuong} biểu dương.',
] as const;

const NOBODY: Person = { name: '', title: 'ông', given: '' };
const COMMENT_CONTEXT: Context = {
  phuong: '', phuong2: '', quan: '', duong: '', duong2: '', official: NOBODY, role: '', resident: NOBODY,
  donvi: '', truong: '', cho: '', chude: '', to: 1, year: 2000,
};

const COMMENT_TITLES = [
  'Ý kiến của người dân', 'Rất đồng tình', 'Cảm ơn quận', 'Đề nghị làm rõ', 'Mong được quan tâm',
  'Góp ý thêm', 'Hỏi về thủ tục', 'Khu tôi cũng vậy', 'Tin rất hữu ích', 'Cần làm sớm', 'Phản ánh', 'Hoan nghênh',
] as const;
const COMMENT_SENTENCES = [
  'Tôi rất đồng tình với chủ trương này, mong quận sớm triển khai ở các phường khác.',
  'Đề nghị chính quyền công khai tiến độ để người dân theo dõi.',
  'Khu tôi ở {phuong} cũng đang gặp tình trạng tương tự, mong được quan tâm.',
  'Cảm ơn Cổng thông tin đã đưa tin kịp thời.',
  'Xin hỏi thủ tục này có làm trực tuyến được không, cần chuẩn bị giấy tờ gì?',
  'Mong các đơn vị làm dứt điểm, tránh tình trạng làm xong rồi lại đào lên.',
  'Gia đình tôi sẵn sàng đóng góp để khu phố sạch đẹp hơn.',
  'Đoạn gần {duong} vẫn còn tình trạng lấn chiếm, đề nghị kiểm tra thêm.',
  'Mấy năm nay khu phố thay đổi nhiều, người dân rất phấn khởi.',
  'Đề nghị bố trí thêm thời gian làm việc vào sáng thứ bảy cho người đi làm.',
  'Tin rất hữu ích, tôi sẽ chia sẻ cho bà con trong tổ dân phố.',
  'Mong có thêm nhiều hoạt động như thế này cho người cao tuổi và thiếu nhi.',
  'Tối qua mưa lớn khu tôi vẫn ngập khoảng {so:10:40} cm, mong được xử lý.',
  'Cán bộ phường làm việc rất nhiệt tình, tôi xin ghi nhận.',
] as const;

// ─────────────────────────────── generation ───────────────────────────────

export type GeneratedArticle = {
  title: string;
  lead: string;
  bodyHtml: string;
  sectionSlug: string;
  tagNames: string[];
};

export type GeneratedComment = { name: string; title: string; content: string };

/** Everything an article's templates refer to, chosen once so the article stays consistent. */
type Context = {
  phuong: string;
  phuong2: string;
  quan: string;
  duong: string;
  duong2: string;
  official: Person;
  role: string;
  resident: Person;
  donvi: string;
  truong: string;
  cho: string;
  chude: string;
  to: number;
  year: number;
};

function newContext(random: Random, year: number): Context {
  const ward = random.pick(WARDS);
  let ward2: string = random.pick(WARDS);
  if (ward2 === ward) ward2 = WARDS[(WARDS.indexOf(ward) + 1) % WARDS.length] as string;
  const street = random.pick(STREETS);
  let street2: string = random.pick(STREETS);
  if (street2 === street) street2 = STREETS[(STREETS.indexOf(street) + 1) % STREETS.length] as string;
  const context: Context = {
    phuong: `phường ${ward}`,
    phuong2: `phường ${ward2}`,
    quan: random.pick(DISTRICTS),
    duong: `đường ${street}`,
    duong2: `đường ${street2}`,
    official: person(random),
    role: '',
    resident: person(random),
    donvi: random.pick(UNITS),
    truong: `${random.pick(SCHOOL_KINDS)} ${random.pick(SCHOOL_NAMES)}`,
    cho: random.pick(WARDS),
    chude: random.pick(CHU_DE),
    to: random.int(1, 40),
    year,
  };
  context.role = fill(random.pick(OFFICIAL_ROLES), context, random);
  return context;
}

const SLOT = /\{(\w+)(?::(\d+):(\d+))?\}/g;

function fill(template: string, c: Context, random: Random): string {
  return template.replace(SLOT, (whole, key: string, min?: string, max?: string) => {
    switch (key) {
      case 'phuong': return c.phuong;
      case 'phuong2': return c.phuong2;
      case 'quan': return c.quan;
      case 'duong': return c.duong;
      case 'duong2': return c.duong2;
      // Followed by a comma: templates put it before the verb ("{canbo} cho biết").
      case 'canbo': return `${c.official.title} ${c.official.name}, ${c.role},`;
      case 'ten': return `${c.official.title} ${c.official.name}`;
      case 'dan': return `${c.resident.title} ${c.resident.name} (tổ dân phố ${c.to}, ${c.phuong})`;
      case 'donvi': return c.donvi;
      case 'truong': return c.truong;
      case 'cho': return c.cho;
      case 'chude': return c.chude;
      case 'to': return String(c.to);
      case 'nam': return String(c.year);
      case 'namtruoc': return String(c.year - 1);
      case 'namsau': return String(c.year + 1);
      case 'namhoc': return `${c.year}–${c.year + 1}`;
      case 'thang': return String(random.int(1, 12));
      case 'quy': return random.pick(QUARTERS);
      case 'ngay': return `${random.int(1, 28)}/${random.int(1, 12)}`;
      case 'so': return formatNumberVi(random.int(Number(min), Number(max)));
      case 'tyle': return `${formatDecimalVi(60 + random.next() * 39.9)}%`;
      case 'tien': return `${formatDecimalVi(1 + random.next() * 120)} tỷ đồng`;
      case 'trieu': return `${formatNumberVi(random.int(12, 95) * 10)} triệu đồng`;
      default: return whole;
    }
  });
}

/** `count` distinct items in random order (a partial Fisher–Yates shuffle). */
function sample<T>(random: Random, items: readonly T[], count: number): T[] {
  const copy = [...items];
  for (let i = 0; i < count && i < copy.length; i++) {
    const j = random.int(i, copy.length - 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy.slice(0, count);
}

const sentence = (template: string, c: Context, random: Random) => capitalize(fill(template, c, random));

/** Sentence templates for one article, each used once (reshuffled only when all are used). */
function sentenceDeck(topic: Topic, random: Random): () => string {
  let deck: string[] = [];
  return () => {
    if (deck.length === 0) deck = sample(random, [...topic.sentences, ...sample(random, GENERIC, 8)], Infinity);
    return deck.pop() as string;
  };
}

function paragraph(nextSentence: () => string, c: Context, random: Random): string {
  const count = random.int(2, 4);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const text = sentence(nextSentence(), c, random);
    parts.push(random.chance(0.06) ? `<strong>${text}</strong>` : text);
  }
  return `<p>${parts.join(' ')}</p>`;
}

const topicsBySection = new Map<string, readonly Topic[]>();
/** The topics of a section (all of them for a section that has none). */
function topicsOf(section: string): readonly Topic[] {
  let topics = topicsBySection.get(section);
  if (!topics) {
    const found = TOPICS.filter((t) => t.section === section);
    topics = found.length > 0 ? found : TOPICS;
    topicsBySection.set(section, topics);
  }
  return topics;
}

/** One article: title, lead, a body of paragraphs with headings, maybe a list and a quote. */
export function generateArticle(random: Random, year: number, section?: string): GeneratedArticle {
  const topic = section ? random.pick(topicsOf(section)) : random.pick(TOPICS);
  const c = newContext(random, year);
  const title = sentence(random.pick(topic.titles), c, random);
  const lead = sentence(random.pick(topic.leads), c, random);

  const blocks: string[] = [];
  const nextSentence = sentenceDeck(topic, random);
  // 3–6 paragraphs: about 340 words, a little longer than the demo articles (about 300).
  const paragraphs = random.int(3, 6);
  const headingAt = new Set([random.int(1, paragraphs - 2), random.int(3, 4)]);
  const listAt = random.chance(0.45) ? random.int(2, paragraphs - 1) : -1;
  const quoteAt = random.chance(0.5) ? random.int(1, paragraphs - 1) : -1;
  const usedHeadings = new Set<string>();
  for (let i = 0; i < paragraphs; i++) {
    if (headingAt.has(i) && i < paragraphs - 1) {
      const heading = random.pick(topic.headings);
      if (!usedHeadings.has(heading)) {
        usedHeadings.add(heading);
        blocks.push(`<h2>${sentence(heading, c, random)}</h2>`);
      }
    }
    blocks.push(paragraph(nextSentence, c, random));
    if (i === listAt) {
      const tag = random.chance(0.7) ? 'ul' : 'ol';
      const items = sample(random, topic.items, random.int(3, Math.min(5, topic.items.length)));
      blocks.push(`<${tag}>${items.map((item) => `<li>${sentence(item, c, random)}</li>`).join('')}</${tag}>`);
    }
    if (i === quoteAt) {
      blocks.push(`<blockquote><p>“${random.pick(topic.quotes)}”</p></blockquote>`);
      blocks.push(`<p>${capitalize(fill(`${c.resident.title} ${c.resident.name}, tổ dân phố ${c.to}, ${c.phuong}, chia sẻ.`, c, random))}</p>`);
    }
  }
  if (random.chance(0.35)) blocks.push(`<p><em>${random.pick(UNITS)} ${c.quan}</em></p>`);

  const tagNames = [random.pick(topic.tags)];
  if (random.chance(0.6)) tagNames.push(random.pick(topic.tags));
  if (random.chance(0.5)) tagNames.push(capitalize(c.phuong));
  if (random.chance(0.15)) tagNames.push(capitalize(c.quan));
  return { title, lead, bodyHtml: blocks.join('\n'), sectionSlug: topic.section, tagNames: [...new Set(tagNames)] };
}

/** A reader's comment on an article: a name, a short title and one to three sentences. */
export function generateComment(random: Random): GeneratedComment {
  // Comment templates only name a ward and a street: a full article context is not needed.
  const c = { ...COMMENT_CONTEXT, phuong: `phường ${random.pick(WARDS)}`, duong: `đường ${random.pick(STREETS)}` };
  const who = person(random);
  const name = random.chance(0.3) ? `${who.given}` : random.chance(0.15) ? `Độc giả ${who.given}` : who.name;
  const count = random.int(1, 3);
  const parts: string[] = [];
  for (let i = 0; i < count; i++) parts.push(sentence(random.pick(COMMENT_SENTENCES), c, random));
  return { name, title: random.pick(COMMENT_TITLES), content: parts.join(' ') };
}

/** Bylines for bulk articles: staff reporters (invented names) and a few units. */
export function bulkBylines(random: Random, reporters = 40): string[] {
  const names = new Set<string>();
  while (names.size < reporters) names.add(person(random).name);
  return [...names, 'Phòng Văn hóa và Thông tin', 'Văn phòng UBND quận', 'Trung tâm Y tế quận', 'Phòng Giáo dục và Đào tạo'];
}

/** Every tag name bulk articles may carry, for creating them before the articles. */
export function bulkTagNames(): string[] {
  const names = new Set<string>();
  for (const topic of TOPICS) for (const tag of topic.tags) names.add(tag);
  for (const ward of WARDS) names.add(`Phường ${ward}`);
  for (const district of DISTRICTS) names.add(capitalize(district));
  return [...names];
}

// ─────────────────────────────── documents (Văn bản) ───────────────────────────────

/**
 * Issuers of bulk documents: the demo's, more wards and districts, and a few national bodies.
 * `code` is the issuer's part of the symbol (`QĐ-UBND`); `types` what it issues, by weight.
 */
export type BulkIssuer = { slug: string; name: string; code: string; heading: string; weight: number; types: readonly (readonly [type: string, weight: number])[] };

const LOCAL_TYPES = [['cong-van', 30], ['quyet-dinh', 22], ['ke-hoach', 14], ['thong-bao', 12], ['bao-cao', 10], ['to-trinh', 4], ['chi-thi', 2], ['huong-dan', 3], ['khac', 3]] as const;
const WARD_TYPES = [['cong-van', 30], ['quyet-dinh', 18], ['ke-hoach', 16], ['thong-bao', 18], ['bao-cao', 12], ['khac', 6]] as const;
const UNIT_TYPES = [['cong-van', 35], ['ke-hoach', 25], ['thong-bao', 15], ['bao-cao', 15], ['huong-dan', 10]] as const;

export const BULK_ISSUERS: readonly BulkIssuer[] = [
  { slug: 'ubnd-quan-binh-minh', name: 'UBND quận Bình Minh', code: 'UBND', heading: 'ỦY BAN NHÂN DÂN QUẬN BÌNH MINH', weight: 30, types: LOCAL_TYPES },
  ...['Tân Hòa', 'Phú Lợi', 'An Lạc', 'Đông Xuyên'].map((ward) => ({
    slug: `ubnd-phuong-${ward.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, '-')}`,
    name: `UBND phường ${ward}`,
    code: 'UBND',
    heading: `ỦY BAN NHÂN DÂN PHƯỜNG ${ward.toUpperCase()}`,
    weight: 6,
    types: WARD_TYPES,
  })),
  { slug: 'hdnd-quan-binh-minh', name: 'HĐND quận Bình Minh', code: 'HĐND', heading: 'HỘI ĐỒNG NHÂN DÂN QUẬN BÌNH MINH', weight: 4, types: [['thong-bao', 4], ['bao-cao', 4], ['ke-hoach', 2], ['cong-van', 3]] },
  { slug: 'phong-giao-duc-va-dao-tao-quan-binh-minh', name: 'Phòng Giáo dục và Đào tạo quận Bình Minh', code: 'PGDĐT', heading: 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', weight: 6, types: UNIT_TYPES },
  { slug: 'trung-tam-y-te-quan-binh-minh', name: 'Trung tâm Y tế quận Bình Minh', code: 'TTYT', heading: 'TRUNG TÂM Y TẾ QUẬN BÌNH MINH', weight: 5, types: UNIT_TYPES },
  { slug: 'phong-quan-ly-do-thi-quan-binh-minh', name: 'Phòng Quản lý đô thị quận Bình Minh', code: 'QLĐT', heading: 'PHÒNG QUẢN LÝ ĐÔ THỊ', weight: 5, types: UNIT_TYPES },
  { slug: 'ubnd-quan-hoa-binh', name: 'UBND quận Hòa Bình', code: 'UBND', heading: 'ỦY BAN NHÂN DÂN QUẬN HÒA BÌNH', weight: 6, types: LOCAL_TYPES },
  { slug: 'ubnd-quan-song-xanh', name: 'UBND quận Sông Xanh', code: 'UBND', heading: 'ỦY BAN NHÂN DÂN QUẬN SÔNG XANH', weight: 5, types: LOCAL_TYPES },
  { slug: 'ubnd-thanh-pho', name: 'UBND thành phố', code: 'UBND', heading: 'ỦY BAN NHÂN DÂN THÀNH PHỐ', weight: 8, types: [...LOCAL_TYPES, ['quyet-dinh-qppl', 6]] },
  { slug: 'chinh-phu', name: 'Chính phủ', code: 'CP', heading: 'CHÍNH PHỦ', weight: 3, types: [['nghi-dinh', 8], ['cong-van', 1]] },
  { slug: 'thu-tuong-chinh-phu', name: 'Thủ tướng Chính phủ', code: 'TTg', heading: 'THỦ TƯỚNG CHÍNH PHỦ', weight: 3, types: [['quyet-dinh', 6], ['chi-thi', 2], ['cong-van', 3]] },
  { slug: 'quoc-hoi', name: 'Quốc hội', code: 'QH15', heading: 'QUỐC HỘI', weight: 0.3, types: [['luat', 1]] },
  { slug: 'bo-giao-duc-va-dao-tao', name: 'Bộ Giáo dục và Đào tạo', code: 'BGDĐT', heading: 'BỘ GIÁO DỤC VÀ ĐÀO TẠO', weight: 2, types: [['quyet-dinh', 3], ['cong-van', 4], ['huong-dan', 2], ['ke-hoach', 1]] },
  { slug: 'bo-y-te', name: 'Bộ Y tế', code: 'BYT', heading: 'BỘ Y TẾ', weight: 2, types: [['quyet-dinh', 3], ['cong-van', 4], ['huong-dan', 2], ['ke-hoach', 1]] },
];

/** Fields a document's subject comes from, with the article section whose sentences fill its text. */
const DOCUMENT_FIELDS: readonly { slug: string; name: string; section: string; subjects: readonly string[] }[] = [
  {
    slug: 'xa-hoi', name: 'Xã hội', section: 'van-hoa-xa-hoi',
    subjects: [
      'chính sách hỗ trợ người khuyết tật học nghề, tìm việc làm năm {nam}', 'công tác chăm lo Tết cho hộ nghèo, hộ cận nghèo trên địa bàn {quan}',
      'chi trả trợ cấp xã hội hằng tháng qua tài khoản ngân hàng', 'chương trình giảm nghèo bền vững giai đoạn {nam}–{namsau}',
      'công tác bảo vệ, chăm sóc trẻ em và phòng, chống xâm hại trẻ em năm {nam}', 'hỗ trợ người cao tuổi cô đơn tại {phuong}',
      'phiên giao dịch việc làm quý {quy} năm {nam}', 'xét duyệt hồ sơ hộ nghèo, hộ cận nghèo năm {nam} tại {phuong}',
    ],
  },
  {
    slug: 'giao-duc', name: 'Giáo dục', section: 'giao-duc',
    subjects: [
      'công tác tuyển sinh lớp 1, lớp 6 năm học {namhoc}', 'kỳ thi tuyển sinh vào lớp 10 năm học {namhoc}', 'công tác phổ cập giáo dục, xóa mù chữ năm {nam}',
      'bảo đảm an toàn trường học tại {truong}', 'chương trình sữa học đường năm học {namhoc}', 'chuyển đổi số trong các trường học trên địa bàn {quan}',
      'sửa chữa, nâng cấp cơ sở vật chất {truong} trước năm học mới', 'tổng kết năm học {namhoc} và khen thưởng học sinh giỏi',
    ],
  },
  {
    slug: 'y-te', name: 'Y tế', section: 'y-te',
    subjects: [
      'phòng, chống dịch sốt xuất huyết năm {nam} tại {phuong}', 'chiến dịch tiêm chủng bổ sung vắc xin sởi cho trẻ dưới 5 tuổi',
      'kiểm tra an toàn thực phẩm Tết Nguyên đán năm {nam}', 'khám sức khỏe định kỳ cho người cao tuổi tại {phuong}',
      'cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi', 'quản lý bệnh không lây nhiễm tại trạm y tế {phuong}',
      'phòng, chống tác hại của thuốc lá tại nơi công cộng',
    ],
  },
  {
    slug: 'do-thi', name: 'Đô thị', section: 'do-thi',
    subjects: [
      'chỉnh trang vỉa hè, chiếu sáng trên {duong}', 'lập lại trật tự lòng đường, vỉa hè tại {phuong}', 'cấp giấy phép xây dựng nhà ở riêng lẻ năm {nam}',
      'điều chỉnh quy hoạch chi tiết tỷ lệ 1/500 khu dân cư {phuong}', 'cải tạo chợ dân sinh {cho}', 'xử lý công trình xây dựng sai phép tại {phuong}',
      'đặt tên đường và đánh số nhà trên địa bàn {quan}', 'duy tu, sửa chữa hệ thống thoát nước trên {duong}',
    ],
  },
  {
    slug: 'kinh-te', name: 'Kinh tế', section: 'kinh-te',
    subjects: [
      'hỗ trợ hộ kinh doanh tiếp cận vốn vay ưu đãi năm {nam}', 'thu ngân sách nhà nước quý {quy} năm {nam}', 'phát triển kinh tế đêm tại chợ đêm {cho}',
      'đăng ký hộ kinh doanh trực tuyến', 'bình ổn thị trường hàng hóa dịp Tết năm {namsau}', 'thanh toán không dùng tiền mặt tại các chợ truyền thống',
      'giao dự toán ngân sách năm {nam} cho {phuong}',
    ],
  },
  {
    slug: 'hanh-chinh', name: 'Hành chính', section: 'chinh-sach',
    subjects: [
      'cải cách hành chính và chuyển đổi số năm {nam}', 'tiếp công dân định kỳ của Chủ tịch UBND quý {quy} năm {nam}',
      'công bố danh mục thủ tục hành chính được tiếp nhận trực tuyến toàn trình', 'kiện toàn bộ phận một cửa tại {phuong}',
      'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính', 'chương trình công tác năm {nam} của {donvi}', 'thi đua, khen thưởng năm {nam}',
    ],
  },
  {
    slug: 'an-ninh-trat-tu', name: 'An ninh - Trật tự', section: 'an-ninh-trat-tu',
    subjects: [
      'bảo đảm trật tự, an toàn giao thông khu vực cổng trường học', 'phòng cháy, chữa cháy tại khu dân cư và nhà trọ {phuong}',
      'phòng, chống lừa đảo qua mạng cho người cao tuổi', 'ra quân tấn công trấn áp tội phạm dịp cuối năm {nam}',
      'xây dựng mô hình tổ dân phố an toàn về an ninh trật tự', 'tuyển chọn và gọi công dân nhập ngũ năm {namsau}',
    ],
  },
  {
    slug: 'tai-nguyen-moi-truong', name: 'Tài nguyên - Môi trường', section: 'do-thi',
    subjects: [
      'phòng, chống ngập úng mùa mưa năm {nam}', 'phân loại rác thải sinh hoạt tại nguồn trên địa bàn {quan}', 'cấp giấy chứng nhận quyền sử dụng đất lần đầu',
      'bồi thường, hỗ trợ khi Nhà nước thu hồi đất mở rộng {duong}', 'nạo vét kênh rạch, khơi thông dòng chảy trước mùa mưa', 'trồng mới cây xanh trên {duong}',
    ],
  },
];

export const BULK_DOCUMENT_FIELDS: readonly { slug: string; name: string }[] = DOCUMENT_FIELDS.map(({ slug, name }) => ({ slug, name }));

/** Abstract openings by type; `{s}` is the subject. `quyet-dinh-qppl` is a Quyết định with the year in its number. */
const ABSTRACTS: Record<string, readonly string[]> = {
  'ke-hoach': ['Kế hoạch triển khai {s}', 'Kế hoạch thực hiện {s}', 'Kế hoạch kiểm tra, giám sát {s}'],
  'quyet-dinh': ['Về việc phê duyệt kế hoạch {s}', 'Về việc thành lập Tổ công tác {s}', 'Về việc giao chỉ tiêu {s}', 'Về việc phân bổ kinh phí {s}', 'Về việc khen thưởng các tập thể, cá nhân có thành tích trong {s}'],
  'quyet-dinh-qppl': ['Ban hành Quy định về {s}', 'Sửa đổi, bổ sung Quy định về {s}'],
  'cong-van': ['V/v triển khai {s}', 'V/v đôn đốc thực hiện {s}', 'V/v báo cáo tình hình {s}', 'V/v góp ý dự thảo kế hoạch {s}'],
  'thong-bao': ['Thông báo kết luận của lãnh đạo tại cuộc họp về {s}', 'Thông báo lịch kiểm tra {s}', 'Thông báo kết quả {s}'],
  'bao-cao': ['Báo cáo kết quả {s}', 'Báo cáo sơ kết {s}', 'Báo cáo tình hình {s}'],
  'huong-dan': ['Hướng dẫn thực hiện {s}', 'Hướng dẫn hồ sơ, quy trình {s}'],
  'to-trinh': ['Tờ trình đề nghị phê duyệt dự toán kinh phí {s}', 'Tờ trình về việc {s}'],
  'chi-thi': ['Về tăng cường {s}', 'Về đẩy mạnh {s}'],
  'nghi-dinh': ['Quy định chi tiết về {s}', 'Sửa đổi, bổ sung một số điều của Nghị định quy định về {s}'],
  luat: ['Luật sửa đổi, bổ sung một số điều của các luật liên quan đến {s}'],
  khac: ['Giấy mời dự hội nghị về {s}', 'Giấy mời dự buổi làm việc về {s}'],
};

/** The symbol's type part (`QĐ` in `123/QĐ-UBND`); a Công văn has none (`1234/UBND-VP`). */
const SYMBOL: Record<string, string> = {
  'ke-hoach': 'KH', 'quyet-dinh': 'QĐ', 'quyet-dinh-qppl': 'QĐ', 'thong-bao': 'TB', 'bao-cao': 'BC', 'huong-dan': 'HD',
  'to-trinh': 'TTr', 'chi-thi': 'CT', 'nghi-dinh': 'NĐ', khac: 'GM',
};
const COMMITTEE_UNITS = ['VP', 'QLĐT', 'KT', 'VHTT', 'LĐTBXH', 'TNMT', 'TP', 'NV'] as const;

export type DocumentNumbering = {
  /** What kind of document it is, for its abstract: a type slug, or `quyet-dinh-qppl`. */
  kind: string;
  /** The `loại văn bản` slug (a `quyet-dinh-qppl` is a `quyet-dinh`). */
  type: string;
  /** Whether the number carries the year (`45/2025/NĐ-CP`). */
  withYear: boolean;
  /** The number without its running count: `/QĐ-UBND`, `/2025/NĐ-CP`. Counters are kept per issuer and suffix. */
  suffix: string;
};

/** A type for a document of `issuer` and how its number is written. */
export function documentNumbering(random: Random, issuer: BulkIssuer, year: number): DocumentNumbering {
  let roll = random.next() * issuer.types.reduce((sum, [, w]) => sum + w, 0);
  let kind = issuer.types[0]![0];
  for (const [type, weight] of issuer.types) {
    roll -= weight;
    if (roll < 0) {
      kind = type;
      break;
    }
  }
  const withYear = kind === 'nghi-dinh' || kind === 'luat' || kind === 'quyet-dinh-qppl';
  const type = kind === 'quyet-dinh-qppl' ? 'quyet-dinh' : kind;
  if (kind === 'luat') return { kind, type, withYear, suffix: `/${year}/${issuer.code}` };
  if (kind === 'cong-van') return { kind, type, withYear, suffix: `/${issuer.code}${issuer.code === 'UBND' ? `-${random.pick(COMMITTEE_UNITS)}` : issuer.code === 'TTg' ? '-KGVX' : ''}` };
  const symbol = SYMBOL[kind] ?? 'VB';
  return { kind, type, withYear, suffix: withYear ? `/${year}/${symbol}-${issuer.code}` : `/${symbol}-${issuer.code}` };
}

export type GeneratedDocument = { abstract: string; signer: string; field: string; filesText: string; fileName: string };

const stripTags = (html: string) => html.replace(/<\/(p|h2|li|blockquote)>/g, '\n').replace(/<[^>]+>/g, '').replace(/\n{2,}/g, '\n').trim();

/**
 * One document's words: an abstract for its type and field, a signer, and the text of its file
 * as a text job would have extracted it (heading, number, date, preamble, two to five thousand
 * characters of body, distribution list).
 */
export function generateDocument(random: Random, options: { issuer: BulkIssuer; kind: string; number: string; issuedOn: string }): GeneratedDocument {
  const year = Number(options.issuedOn.slice(0, 4));
  const field = random.pick(DOCUMENT_FIELDS);
  const c = newContext(random, year);
  const subject = fill(random.pick(field.subjects), c, random);
  const abstract = capitalize(random.pick(ABSTRACTS[options.kind] ?? ABSTRACTS.khac!).replace('{s}', subject));
  const signer = person(random).name;
  const [y, m, d] = options.issuedOn.split('-');
  const body = [stripTags(generateArticle(random, year, field.section).bodyHtml)];
  if (random.chance(0.5)) body.push(stripTags(generateArticle(random, year, field.section).bodyHtml));
  const filesText = [
    options.issuer.heading,
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    `Số: ${options.number}`,
    `${c.quan.replace(/^quận /, '')}, ngày ${d} tháng ${m} năm ${y}`,
    abstract,
    `Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ chương trình công tác năm ${year}; xét đề nghị của ${c.donvi},`,
    ...body,
    `Nơi nhận: Như trên; ${c.donvi}; UBND ${c.phuong}; lưu: VT.`,
    signer,
  ].join('\n');
  const fileName = `${options.number.replace(/\//g, '-')} ${subject.split(' ').slice(0, 6).join(' ')}.pdf`;
  return { abstract, signer, field: field.slug, filesText, fileName };
}

/** Issuers by weight, for drawing one. */
export function pickIssuer(random: Random): BulkIssuer {
  const total = BULK_ISSUERS.reduce((sum, i) => sum + i.weight, 0);
  let roll = random.next() * total;
  for (const issuer of BULK_ISSUERS) {
    roll -= issuer.weight;
    if (roll < 0) return issuer;
  }
  return BULK_ISSUERS[0]!;
}
