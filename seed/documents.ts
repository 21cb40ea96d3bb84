// Demo documents (Văn bản) of the fictional "Cổng thông tin điện tử Quận Bình Minh": the plans,
// decisions and notices the demo articles are about, each with a real generated PDF. Pure data
// and text (no database, no storage); db/seed.ts writes them. Dates are relative to the day of
// seeding, so the states (in force, expired, not yet in force) and the citing articles' times
// stay coherent whenever a demo is installed. Every person, number and text here is invented,
// and each PDF says that it is a demo document.
import type { PdfContent } from './pdf';

export type DemoTerm = { slug: string; name: string };

/** `Cơ quan ban hành` of the demo documents, with the heading block their PDFs carry. */
export type DemoIssuer = DemoTerm & {
  /** The issuer's lines of the heading, upper case (`ỦY BAN NHÂN DÂN` / `QUẬN BÌNH MINH`). */
  heading: string[];
  /** Where documents are signed (`Bình Minh, ngày …`). */
  place: string;
  /** The signature block's first line (`TM. ỦY BAN NHÂN DÂN`). */
  onBehalf: string;
};

export const demoIssuers: readonly DemoIssuer[] = [
  { slug: 'ubnd-quan-binh-minh', name: 'UBND quận Bình Minh', heading: ['ỦY BAN NHÂN DÂN', 'QUẬN BÌNH MINH'], place: 'Bình Minh', onBehalf: 'TM. ỦY BAN NHÂN DÂN' },
  { slug: 'ubnd-phuong-tan-hoa', name: 'UBND phường Tân Hòa', heading: ['ỦY BAN NHÂN DÂN', 'PHƯỜNG TÂN HÒA'], place: 'Tân Hòa', onBehalf: 'TM. ỦY BAN NHÂN DÂN' },
  {
    slug: 'phong-giao-duc-va-dao-tao-quan-binh-minh',
    name: 'Phòng Giáo dục và Đào tạo quận Bình Minh',
    heading: ['ỦY BAN NHÂN DÂN QUẬN BÌNH MINH', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'],
    place: 'Bình Minh',
    onBehalf: '',
  },
  {
    slug: 'trung-tam-y-te-quan-binh-minh',
    name: 'Trung tâm Y tế quận Bình Minh',
    heading: ['ỦY BAN NHÂN DÂN QUẬN BÌNH MINH', 'TRUNG TÂM Y TẾ'],
    place: 'Bình Minh',
    onBehalf: '',
  },
  { slug: 'chinh-phu', name: 'Chính phủ', heading: ['CHÍNH PHỦ'], place: 'Hà Nội', onBehalf: 'TM. CHÍNH PHỦ' },
];

/** `Lĩnh vực` of the demo documents (the bulk seed reuses them). */
export const demoFields: readonly DemoTerm[] = [
  { slug: 'xa-hoi', name: 'Xã hội' },
  { slug: 'giao-duc', name: 'Giáo dục' },
  { slug: 'y-te', name: 'Y tế' },
  { slug: 'do-thi', name: 'Đô thị' },
  { slug: 'kinh-te', name: 'Kinh tế' },
  { slug: 'hanh-chinh', name: 'Hành chính' },
  { slug: 'an-ninh-trat-tu', name: 'An ninh - Trật tự' },
  { slug: 'tai-nguyen-moi-truong', name: 'Tài nguyên - Môi trường' },
];

export type DemoFile = {
  /** The name it was "uploaded" with. */
  name: string;
  /** The PDF's title block; defaults to the document type and abstract. */
  title?: string;
  /** Paragraphs (`\f` starts a page); `{nam}`, `{namtruoc}`, `{namhoc}`, `{ngay}`, `{hieuluc}` are filled in. */
  paragraphs: string[];
};

export type DemoDocument = {
  /** Refers to this document within the demo (`replaces`). */
  key: string;
  /** `Số/Ký hiệu`; `{nam}` is the year of issue. */
  number: string;
  /** Slug of a `Loại văn bản` (migration 0003 inserts the eleven). */
  type: string;
  issuer: string;
  field: string;
  signer: string;
  /** The signer's title in the signature block (`KT. CHỦ TỊCH` / `PHÓ CHỦ TỊCH`). */
  signerTitle: string[];
  issuedDaysAgo: number;
  /** Days from issue to effect (0: on signing). */
  effectiveAfterDays: number;
  /** Days from issue to expiry, when it has one. */
  expiresAfterDays?: number;
  abstract: string;
  replaces?: string;
  /** Demo articles (by slug) that cite it under `Văn bản liên quan`. */
  citedBy: string[];
  files: DemoFile[];
};

const DEMO_NOTE = '(Văn bản minh họa thuộc nội dung mẫu của Cổng thông tin điện tử Quận Bình Minh; mọi tên người, số liệu và nội dung đều là giả định.)';

const NGUOI_KHUYET_TAT: DemoFile = {
  name: 'Kế hoạch 67-KH-UBND hỗ trợ người khuyết tật.pdf',
  paragraphs: [
    'Căn cứ Luật Tổ chức chính quyền địa phương; Luật Người khuyết tật và các văn bản hướng dẫn thi hành;',
    'Căn cứ Chương trình công tác năm {nam} của Ủy ban nhân dân quận và đề nghị của Trưởng phòng Lao động – Thương binh và Xã hội quận, Ủy ban nhân dân quận Bình Minh ban hành Kế hoạch thực hiện chính sách hỗ trợ người khuyết tật học nghề, tìm việc làm và cải tạo điều kiện tiếp cận công trình công cộng trên địa bàn quận năm {nam}, như sau:',
    'I. MỤC ĐÍCH, YÊU CẦU',
    '1. Mục đích. Tạo điều kiện để người khuyết tật trong độ tuổi lao động được học nghề phù hợp, có việc làm ổn định và tham gia bình đẳng vào đời sống xã hội; từng bước bảo đảm người khuyết tật tiếp cận thuận lợi trụ sở cơ quan, nhà văn hóa, trạm y tế và trường học trên địa bàn quận.',
    '2. Yêu cầu. Các phòng, ban, đơn vị và Ủy ban nhân dân 4 phường xác định nhiệm vụ cụ thể, phân công cán bộ phụ trách; việc hỗ trợ phải đúng đối tượng, công khai, minh bạch, lấy nhu cầu và nguyện vọng của người khuyết tật làm căn cứ; lồng ghép với các chương trình giảm nghèo, giải quyết việc làm và chuyển đổi số của quận.',
    'II. TÌNH HÌNH NGƯỜI KHUYẾT TẬT TRÊN ĐỊA BÀN',
    'Theo kết quả rà soát đến tháng 9 năm {nam}, toàn quận có 1.186 người khuyết tật, trong đó 412 người trong độ tuổi lao động, 96 người khuyết tật đặc biệt nặng đang hưởng trợ cấp xã hội hằng tháng. Khoảng 60% người khuyết tật trong độ tuổi lao động chưa qua đào tạo nghề; nhiều người có nhu cầu làm việc nhưng gặp khó khăn về đi lại và chưa được bố trí vị trí làm việc phù hợp.',
    'III. CHỈ TIÊU',
    '- Tổ chức ít nhất 8 lớp đào tạo nghề miễn phí cho 160 học viên là người khuyết tật, gồm các nghề may công nghiệp, sửa chữa điện thoại, tin học văn phòng, thiết kế đồ họa và làm bánh.',
    '- Giới thiệu việc làm cho ít nhất 120 người khuyết tật; vận động 15 doanh nghiệp trên địa bàn cam kết tiếp nhận lao động là người khuyết tật.',
    '- Cải tạo lối đi dành cho xe lăn, tay vịn và nhà vệ sinh tiếp cận tại 100% trụ sở Ủy ban nhân dân phường, Nhà văn hóa quận và 4 trạm y tế phường.',
    '\f',
    'IV. NHIỆM VỤ VÀ GIẢI PHÁP',
    '1. Đào tạo nghề. Phòng Lao động – Thương binh và Xã hội quận phối hợp với các cơ sở giáo dục nghề nghiệp mở lớp tại địa điểm thuận tiện cho người khuyết tật; hỗ trợ tiền ăn 50.000 đồng mỗi ngày thực học và tiền đi lại 200.000 đồng mỗi tháng cho học viên; bố trí người hỗ trợ ngôn ngữ ký hiệu cho học viên khiếm thính.',
    '2. Kết nối việc làm. Tổ chức phiên giao dịch việc làm chuyên đề dành cho người khuyết tật mỗi quý; cập nhật thông tin tuyển dụng phù hợp trên Cổng thông tin điện tử của quận; tư vấn doanh nghiệp điều chỉnh nơi làm việc và thời gian làm việc linh hoạt.',
    '3. Cải tạo điều kiện tiếp cận. Ban Quản lý dự án đầu tư xây dựng khu vực quận khảo sát, lập danh mục và thực hiện cải tạo lối đi, bậc tam cấp, nhà vệ sinh tại các công trình công cộng nêu tại mục III, hoàn thành trước ngày 30 tháng 12 năm {nam}.',
    '4. Truyền thông. Phòng Văn hóa và Thông tin quận đăng tải các chính sách hỗ trợ, danh sách lớp học và địa chỉ đăng ký trên Cổng thông tin điện tử quận; Ủy ban nhân dân các phường thông báo tới từng tổ dân phố.',
    'V. KINH PHÍ',
    'Kinh phí thực hiện Kế hoạch từ nguồn ngân sách quận năm {nam} đã giao cho Phòng Lao động – Thương binh và Xã hội, dự kiến 1,8 tỷ đồng, và các nguồn vận động hợp pháp khác.',
    'VI. TỔ CHỨC THỰC HIỆN',
    'Người khuyết tật hoặc gia đình có nhu cầu học nghề, tìm việc làm đăng ký tại Ủy ban nhân dân phường nơi cư trú. Các đơn vị báo cáo kết quả thực hiện về Phòng Lao động – Thương binh và Xã hội trước ngày 15 tháng 12 năm {nam} để tổng hợp, báo cáo Ủy ban nhân dân quận. Trong quá trình thực hiện, nếu có khó khăn, vướng mắc, các đơn vị phản ánh về Phòng Lao động – Thương binh và Xã hội để được hướng dẫn.',
    'Nơi nhận: Thường trực Quận ủy, Thường trực HĐND quận; Chủ tịch, các Phó Chủ tịch UBND quận; các phòng, ban, đơn vị thuộc quận; UBND 4 phường; Hội Người khuyết tật quận; lưu: VT, LĐTBXH.',
  ],
};

/** The demo documents, oldest issue date last. */
export const demoDocuments: readonly DemoDocument[] = [
  {
    key: 'nguoi-khuyet-tat',
    number: '67/KH-UBND',
    type: 'ke-hoach',
    issuer: 'ubnd-quan-binh-minh',
    field: 'xa-hoi',
    signer: 'Trần Thị Minh Hạnh',
    signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    issuedDaysAgo: 21,
    effectiveAfterDays: 0,
    abstract: 'Kế hoạch thực hiện chính sách hỗ trợ người khuyết tật học nghề, tìm việc làm và cải tạo điều kiện tiếp cận công trình công cộng trên địa bàn quận năm {nam}',
    citedBy: ['ho-tro-nguoi-khuyet-tat-tim-viec-lam-va-hoc-nghe-mien-phi-tai-quan'],
    files: [NGUOI_KHUYET_TAT],
  },
  {
    key: 'tro-giup-xa-hoi',
    number: '118/{nam}/NĐ-CP',
    type: 'nghi-dinh',
    issuer: 'chinh-phu',
    field: 'xa-hoi',
    signer: '',
    signerTitle: ['THỦ TƯỚNG'],
    issuedDaysAgo: 10,
    effectiveAfterDays: 45,
    abstract: 'Quy định mức chuẩn trợ giúp xã hội và chính sách trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội',
    citedBy: ['huong-dan-chinh-sach-tro-cap-xa-hoi-hang-thang-moi-ap-dung-tu-nam-nay'],
    files: [
      {
        name: 'Nghị định 118-NĐ-CP trợ giúp xã hội.pdf',
        paragraphs: [
          'Căn cứ Luật Tổ chức Chính phủ; Luật Người cao tuổi; Luật Người khuyết tật; Luật Trẻ em;',
          'Theo đề nghị của Bộ trưởng Bộ Lao động – Thương binh và Xã hội, Chính phủ ban hành Nghị định quy định mức chuẩn trợ giúp xã hội và chính sách trợ cấp xã hội hằng tháng đối với đối tượng bảo trợ xã hội.',
          'Chương I. NHỮNG QUY ĐỊNH CHUNG',
          'Điều 1. Phạm vi điều chỉnh. Nghị định này quy định mức chuẩn trợ giúp xã hội, đối tượng, mức trợ cấp xã hội hằng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng và hồ sơ, thủ tục thực hiện.',
          'Điều 2. Mức chuẩn trợ giúp xã hội. Mức chuẩn trợ giúp xã hội áp dụng từ ngày Nghị định này có hiệu lực là 500.000 đồng mỗi tháng. Ủy ban nhân dân cấp tỉnh căn cứ điều kiện kinh tế – xã hội có thể quyết định mức chuẩn cao hơn.',
          'Điều 3. Đối tượng hưởng trợ cấp xã hội hằng tháng gồm trẻ em không có nguồn nuôi dưỡng, người cao tuổi thuộc hộ nghèo không có người phụng dưỡng, người từ đủ 80 tuổi không có lương hưu, người khuyết tật nặng và đặc biệt nặng.',
          'Chương II. ĐIỀU KHOẢN THI HÀNH',
          'Điều 4. Hiệu lực thi hành. Nghị định này có hiệu lực thi hành từ ngày {hieuluc}. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương chịu trách nhiệm thi hành Nghị định này.',
        ],
      },
    ],
  },
  {
    key: 'ngap-ung',
    number: '92/KH-UBND',
    type: 'ke-hoach',
    issuer: 'ubnd-quan-binh-minh',
    field: 'tai-nguyen-moi-truong',
    signer: 'Lê Quốc Hùng',
    signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    issuedDaysAgo: 12,
    effectiveAfterDays: 0,
    abstract: 'Kế hoạch phòng, chống ngập úng và ứng phó mưa bão mùa mưa năm {nam} theo phương châm bốn tại chỗ',
    citedBy: ['day-manh-cong-tac-phong-chong-ngap-ung-truoc-mua-mua-bao-nam-nay'],
    files: [
      {
        name: 'KH 92 phòng chống ngập úng mùa mưa.pdf',
        paragraphs: [
          'Thực hiện chỉ đạo của Ban Chỉ huy phòng thủ dân sự thành phố về công tác phòng, chống thiên tai năm {nam}, Ủy ban nhân dân quận ban hành Kế hoạch phòng, chống ngập úng và ứng phó mưa bão mùa mưa năm {nam} như sau:',
          '1. Rà soát 9 điểm thường xuyên ngập tại phường Đông Xuyên và phường Phú Lợi; nạo vét hơn 3 km cống ngầm, khơi thông dòng chảy kênh Ven Sông trước ngày 15 tháng 5.',
          '2. Kiểm tra, bảo dưỡng các trạm bơm dã chiến, máy phát điện dự phòng; bố trí lực lượng trực 24/24 giờ khi có cảnh báo mưa lớn kết hợp triều cường.',
          '3. Ủy ban nhân dân các phường xây dựng phương án theo phương châm chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện tại chỗ và hậu cần tại chỗ; chuẩn bị địa điểm sơ tán, lương thực, nước uống và thuốc men cho người dân vùng trũng.',
          '4. Tuyên truyền người dân không xả rác xuống cống, kênh rạch; chủ động gia cố nhà cửa, cắt tỉa cây xanh trong khuôn viên và theo dõi thông tin cảnh báo trên các kênh chính thức của quận.',
          'Nơi nhận: Ban Chỉ huy phòng thủ dân sự quận; các phòng, ban, đơn vị; UBND 4 phường; lưu: VT.',
        ],
      },
    ],
  },
  {
    key: 'ho-kinh-doanh',
    number: '1873/UBND-VP',
    type: 'cong-van',
    issuer: 'ubnd-quan-binh-minh',
    field: 'kinh-te',
    signer: 'Nguyễn Văn Thành',
    signerTitle: ['CHỦ TỊCH'],
    issuedDaysAgo: 16,
    effectiveAfterDays: 0,
    abstract: 'V/v giải quyết trong ngày hồ sơ đăng ký hộ kinh doanh nộp trực tuyến đầy đủ, hợp lệ',
    citedBy: ['uu-tien-giai-quyet-thu-tuc-dang-ky-kinh-doanh-truc-tuyen-trong-ngay'],
    files: [
      {
        name: 'Công văn 1873 đăng ký hộ kinh doanh trong ngày.pdf',
        title: 'V/v giải quyết trong ngày hồ sơ đăng ký hộ kinh doanh nộp trực tuyến đầy đủ, hợp lệ',
        paragraphs: [
          'Kính gửi: Phòng Kinh tế quận; Bộ phận tiếp nhận và trả kết quả quận; Văn phòng HĐND và UBND quận.',
          'Nhằm cải thiện môi trường kinh doanh theo Kế hoạch cải cách hành chính năm {nam}, Chủ tịch Ủy ban nhân dân quận yêu cầu:',
          '1. Hồ sơ đăng ký hộ kinh doanh nộp trực tuyến đầy đủ, hợp lệ trước 15 giờ được giải quyết và trả kết quả trong ngày làm việc; hồ sơ nộp sau 15 giờ được trả kết quả trước 10 giờ sáng ngày làm việc tiếp theo.',
          '2. Bộ phận tiếp nhận và trả kết quả bố trí cán bộ chuyên trách theo dõi hồ sơ trực tuyến, kiểm tra và chuyển xử lý liên tục trong giờ hành chính; hướng dẫn người dân thao tác nộp hồ sơ tại quầy hỗ trợ.',
          '3. Phòng Kinh tế tổng hợp tỷ lệ hồ sơ trực tuyến hằng tháng, phấn đấu đạt trên 90% vào cuối năm {nam}, báo cáo Ủy ban nhân dân quận.',
          'Nơi nhận: Như trên; Chủ tịch, các Phó Chủ tịch UBND quận; lưu: VT.',
        ],
      },
    ],
  },
  {
    key: 'tiem-chung',
    number: '21/KH-TTYT',
    type: 'ke-hoach',
    issuer: 'trung-tam-y-te-quan-binh-minh',
    field: 'y-te',
    signer: 'Đỗ Hữu Khang',
    signerTitle: ['GIÁM ĐỐC'],
    issuedDaysAgo: 9,
    effectiveAfterDays: 0,
    abstract: 'Kế hoạch triển khai chiến dịch tiêm chủng bổ sung cho trẻ em dưới 5 tuổi và phòng, chống sốt xuất huyết tại các khu dân cư',
    citedBy: ['ra-quan-chien-dich-tiem-chung-va-phong-chong-sot-xuat-huyet-tai-cac-khu-dan-cu'],
    files: [
      {
        name: 'KH-21 tiêm chủng và phòng chống sốt xuất huyết.pdf',
        paragraphs: [
          'Căn cứ tình hình dịch bệnh trên địa bàn, số ca sốt xuất huyết từ đầu năm {nam} tăng so với cùng kỳ, Trung tâm Y tế quận xây dựng kế hoạch như sau:',
          '1. Tiêm bù, tiêm nhắc các loại vắc xin trong chương trình tiêm chủng mở rộng cho trẻ dưới 5 tuổi tại 4 trạm y tế phường trong hai tuần; trạm y tế lập danh sách trẻ chưa tiêm đủ mũi và thông báo tới từng gia đình.',
          '2. Tổ chức chiến dịch diệt lăng quăng, loại bỏ vật dụng chứa nước đọng tại các khu nhà trọ, công trình đang thi công và nơi tập kết phế liệu; phun hóa chất diệt muỗi tại các ổ dịch.',
          '3. Giám sát ca bệnh, báo cáo hằng ngày về Khoa Kiểm soát bệnh tật; bảo đảm đủ thuốc, vật tư và giường bệnh để thu dung, điều trị.',
          'Nơi nhận: UBND quận; UBND 4 phường; các trạm y tế phường; lưu: VT, KSBT.',
        ],
      },
    ],
  },
  {
    key: 'an-toan-giao-thong',
    number: '05/CT-UBND',
    type: 'chi-thi',
    issuer: 'ubnd-quan-binh-minh',
    field: 'an-ninh-trat-tu',
    signer: 'Nguyễn Văn Thành',
    signerTitle: ['CHỦ TỊCH'],
    issuedDaysAgo: 30,
    effectiveAfterDays: 0,
    abstract: 'Về tăng cường bảo đảm trật tự, an toàn giao thông khu vực cổng trường học trong năm học {namhoc}',
    citedBy: ['tang-cuong-kiem-tra-an-toan-giao-thong-quanh-khu-vuc-truong-hoc-gio-tan-tam'],
    files: [
      {
        name: 'Chỉ thị 05-CT-UBND an toàn giao thông trường học.pdf',
        paragraphs: [
          'Thời gian qua, tình trạng phụ huynh dừng, đỗ xe dưới lòng đường khi đưa đón học sinh gây ùn tắc trước cổng nhiều trường học; một số học sinh chưa đủ tuổi vẫn điều khiển xe máy. Để bảo đảm an toàn cho học sinh, Chủ tịch Ủy ban nhân dân quận chỉ thị:',
          '1. Công an quận bố trí tổ công tác thường trực tại 24 trường học vào các khung giờ đưa đón học sinh; xử lý nghiêm các trường hợp vi phạm, thông báo về nhà trường và địa phương nơi cư trú.',
          '2. Phòng Giáo dục và Đào tạo chỉ đạo các trường tổ chức cho phụ huynh ký cam kết không giao xe máy cho con chưa đủ tuổi, luôn đội mũ bảo hiểm đạt chuẩn cho trẻ.',
          '3. Ủy ban nhân dân các phường bố trí điểm dừng đón học sinh hợp lý, xử lý lấn chiếm vỉa hè trước cổng trường.',
          'Chỉ thị này có hiệu lực từ ngày ký. Thủ trưởng các đơn vị, Chủ tịch Ủy ban nhân dân các phường chịu trách nhiệm thi hành.',
        ],
      },
    ],
  },
  {
    key: 'tuyen-sinh',
    number: '34/KH-PGDĐT',
    type: 'ke-hoach',
    issuer: 'phong-giao-duc-va-dao-tao-quan-binh-minh',
    field: 'giao-duc',
    signer: 'Phạm Ngọc Lan',
    signerTitle: ['TRƯỞNG PHÒNG'],
    issuedDaysAgo: 40,
    effectiveAfterDays: 0,
    abstract: 'Kế hoạch tuyển sinh vào lớp 1 và lớp 6 năm học {namhoc} theo hình thức đăng ký trực tuyến',
    citedBy: ['phu-huynh-dang-ky-tuyen-sinh-dau-cap-truc-tuyen-cho-con-vao-lop-mot-va-lop-sau'],
    files: [
      {
        name: 'Kế hoạch tuyển sinh lớp 1, lớp 6.pdf',
        paragraphs: [
          'Căn cứ hướng dẫn của Sở Giáo dục và Đào tạo về công tác tuyển sinh đầu cấp năm học {namhoc}, Phòng Giáo dục và Đào tạo quận xây dựng kế hoạch tuyển sinh như sau:',
          '1. Hình thức: phụ huynh đăng ký trực tuyến trên hệ thống tuyển sinh đầu cấp bằng mã định danh cá nhân của học sinh; không yêu cầu nộp hồ sơ giấy trong giai đoạn đăng ký.',
          '2. Thời gian: đăng ký từ ngày 1 đến ngày 15 tháng 6; các trường công bố kết quả trước ngày 10 tháng 7; học sinh nhập học từ ngày 15 đến ngày 20 tháng 7.',
          '3. Nguyên tắc: tuyển sinh theo địa bàn cư trú; ưu tiên học sinh là con liệt sĩ, con thương binh, học sinh khuyết tật theo quy định.',
          'Chỉ tiêu tuyển sinh của từng trường được nêu tại Phụ lục kèm theo Kế hoạch này.',
        ],
      },
      {
        name: 'Phụ lục chỉ tiêu tuyển sinh theo trường.pdf',
        title: 'PHỤ LỤC\nChỉ tiêu tuyển sinh lớp 1 và lớp 6 năm học {namhoc}',
        paragraphs: [
          'Trường Tiểu học Lê Văn Tám: 8 lớp 1, 280 học sinh, địa bàn phường Tân Hòa.',
          'Trường Tiểu học Kim Đồng: 7 lớp 1, 245 học sinh, địa bàn phường Phú Lợi.',
          'Trường Tiểu học An Lạc: 6 lớp 1, 210 học sinh, địa bàn phường An Lạc.',
          'Trường Tiểu học Đông Xuyên: 6 lớp 1, 210 học sinh, địa bàn phường Đông Xuyên.',
          'Trường THCS Nguyễn Trãi: 10 lớp 6, 420 học sinh, địa bàn phường Tân Hòa và phường Phú Lợi.',
          'Trường THCS Chu Văn An: 9 lớp 6, 378 học sinh, địa bàn phường An Lạc và phường Đông Xuyên.',
          'Tổng cộng: 27 lớp 1 với 945 học sinh; 19 lớp 6 với 798 học sinh.',
        ],
      },
    ],
  },
  {
    key: 'cai-cach-hanh-chinh',
    number: '302/BC-UBND',
    type: 'bao-cao',
    issuer: 'ubnd-quan-binh-minh',
    field: 'hanh-chinh',
    signer: 'Lê Quốc Hùng',
    signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    issuedDaysAgo: 5,
    effectiveAfterDays: 0,
    abstract: 'Báo cáo kết quả cải cách hành chính và chuyển đổi số trong giải quyết thủ tục hành chính cấp phường 9 tháng đầu năm {nam}',
    citedBy: ['ung-dung-chuyen-doi-so-de-rut-ngan-thoi-gian-giai-quyet-thu-tuc-hanh-chinh-cap-phuong'],
    files: [
      {
        name: 'Báo cáo 302 cải cách hành chính 9 tháng.pdf',
        paragraphs: [
          'Trong 9 tháng đầu năm {nam}, bộ phận một cửa của quận và 4 phường tiếp nhận 18.420 hồ sơ, trong đó 71% nộp trực tuyến; 98,6% hồ sơ được giải quyết đúng và trước hạn.',
          'Các phường đã số hóa kết quả giải quyết thủ tục hành chính còn hiệu lực, triển khai ký số và trả kết quả điện tử đối với chứng thực bản sao, đăng ký khai sinh, khai tử; thời gian chứng thực bản sao điện tử rút ngắn còn dưới 30 phút.',
          'Tồn tại: một bộ phận người cao tuổi chưa quen thao tác trực tuyến; đường truyền tại hai phường còn chập chờn vào giờ cao điểm.',
          'Nhiệm vụ quý IV: duy trì tổ công nghệ số cộng đồng tại 100% khu phố, nâng tỷ lệ hồ sơ trực tuyến toàn trình lên trên 80%.',
        ],
      },
    ],
  },
  {
    key: 'cho-tan-hoa',
    number: '48/TB-UBND',
    type: 'thong-bao',
    issuer: 'ubnd-phuong-tan-hoa',
    field: 'do-thi',
    signer: 'Võ Thanh Sơn',
    signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    issuedDaysAgo: 4,
    effectiveAfterDays: 0,
    abstract: 'Thông báo tổ chức họp dân lấy ý kiến về phương án cải tạo chợ dân sinh Tân Hòa',
    citedBy: ['phuong-tan-hoa-hop-dan-lay-y-kien-ve-ke-hoach-cai-tao-cho-dan-sinh'],
    files: [
      {
        name: 'Thông báo họp dân cải tạo chợ Tân Hòa.pdf',
        paragraphs: [
          'Ủy ban nhân dân phường Tân Hòa thông báo tổ chức họp dân lấy ý kiến về phương án cải tạo chợ dân sinh Tân Hòa như sau:',
          '1. Thời gian: 8 giờ 00 sáng Chủ nhật tuần này. Địa điểm: Hội trường Ủy ban nhân dân phường.',
          '2. Thành phần: đại diện các hộ tiểu thương đang kinh doanh tại chợ, tổ trưởng các tổ dân phố và người dân quan tâm.',
          '3. Nội dung: phương án bố trí lại các khu hàng tươi sống, hàng khô, rau củ; lắp hệ thống phòng cháy chữa cháy; cải tạo nhà vệ sinh và khu thu gom rác; thời gian thi công và phương án kinh doanh tạm.',
          'Ý kiến đóng góp được tổng hợp, báo cáo Ủy ban nhân dân quận trước khi phê duyệt phương án chính thức.',
        ],
      },
    ],
  },
  {
    key: 'via-he',
    number: '1245/QĐ-UBND',
    type: 'quyet-dinh',
    issuer: 'ubnd-quan-binh-minh',
    field: 'do-thi',
    signer: 'Lê Quốc Hùng',
    signerTitle: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
    issuedDaysAgo: 60,
    effectiveAfterDays: 0,
    abstract: 'Về việc phê duyệt danh mục 12 tuyến đường cải tạo vỉa hè, bổ sung chiếu sáng và nạo vét cống thoát nước giai đoạn {nam}–{namsau}',
    citedBy: ['uy-ban-nhan-dan-quan-doi-thoai-voi-nguoi-dan-ve-chinh-trang-do-thi'],
    files: [
      {
        name: 'QĐ 1245 danh mục tuyến đường chỉnh trang.pdf',
        paragraphs: [
          'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN BÌNH MINH',
          'Căn cứ Luật Tổ chức chính quyền địa phương; Kế hoạch chỉnh trang đô thị quận giai đoạn {nam}–{namsau}; xét đề nghị của Trưởng phòng Quản lý đô thị quận,',
          'QUYẾT ĐỊNH:',
          'Điều 1. Phê duyệt danh mục 12 tuyến đường cải tạo vỉa hè, lắp bổ sung đèn chiếu sáng tại các hẻm sâu và nạo vét cống thoát nước, gồm: đường Lê Lợi, Trần Hưng Đạo, Nguyễn Du, Bạch Đằng, Hàm Nghi, Ngô Quyền, Nguyễn Trãi, Trần Phú, Hùng Vương, Chu Văn An, Tân Hòa 3 và Liên khu 5-6.',
          'Điều 2. Đơn vị thi công lắp bảng thông tin công trình tại từng tuyến đường, ghi rõ thời gian bắt đầu, thời gian kết thúc và đầu mối tiếp nhận phản ánh của người dân.',
          'Điều 3. Quyết định có hiệu lực từ ngày ký. Chánh Văn phòng HĐND và UBND quận, Trưởng phòng Quản lý đô thị, Chủ tịch UBND các phường chịu trách nhiệm thi hành Quyết định này.',
        ],
      },
    ],
  },
  {
    key: 'tiep-cong-dan-cu',
    number: '1520/QĐ-UBND',
    type: 'quyet-dinh',
    issuer: 'ubnd-quan-binh-minh',
    field: 'hanh-chinh',
    signer: 'Nguyễn Văn Thành',
    signerTitle: ['CHỦ TỊCH'],
    issuedDaysAgo: 1100,
    effectiveAfterDays: 0,
    expiresAfterDays: 1100 - 90,
    abstract: 'Về việc ban hành Quy chế tiếp công dân, tiếp nhận và xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh tại Ủy ban nhân dân quận',
    citedBy: [],
    files: [
      {
        name: 'QĐ 1520 quy chế tiếp công dân.pdf',
        paragraphs: [
          'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN BÌNH MINH',
          'Căn cứ Luật Tiếp công dân; Luật Khiếu nại; Luật Tố cáo,',
          'QUYẾT ĐỊNH:',
          'Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân, tiếp nhận và xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh tại Ủy ban nhân dân quận.',
          'Điều 2. Chủ tịch Ủy ban nhân dân quận tiếp công dân định kỳ vào ngày 15 hằng tháng tại Trụ sở tiếp công dân quận; Phó Chủ tịch tiếp công dân theo lĩnh vực được phân công.',
          'Điều 3. Quyết định có hiệu lực từ ngày ký.',
        ],
      },
    ],
  },
  {
    key: 'tiep-cong-dan',
    number: '2210/QĐ-UBND',
    type: 'quyet-dinh',
    issuer: 'ubnd-quan-binh-minh',
    field: 'hanh-chinh',
    signer: 'Nguyễn Văn Thành',
    signerTitle: ['CHỦ TỊCH'],
    issuedDaysAgo: 92,
    effectiveAfterDays: 2,
    abstract: 'Về việc ban hành Quy chế tiếp công dân, tiếp nhận và xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh tại Ủy ban nhân dân quận (thay thế Quyết định số 1520/QĐ-UBND)',
    replaces: 'tiep-cong-dan-cu',
    citedBy: [],
    files: [
      {
        name: 'QĐ 2210 quy chế tiếp công dân (thay thế QĐ 1520).pdf',
        paragraphs: [
          'CHỦ TỊCH ỦY BAN NHÂN DÂN QUẬN BÌNH MINH',
          'Căn cứ Luật Tiếp công dân; Luật Khiếu nại; Luật Tố cáo; xét đề nghị của Chánh Thanh tra quận,',
          'QUYẾT ĐỊNH:',
          'Điều 1. Ban hành kèm theo Quyết định này Quy chế tiếp công dân, tiếp nhận và xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh tại Ủy ban nhân dân quận.',
          'Điều 2. Chủ tịch Ủy ban nhân dân quận tiếp công dân định kỳ vào ngày 10 và ngày 25 hằng tháng; công dân có thể đăng ký lịch tiếp trước qua Cổng thông tin điện tử quận hoặc số điện thoại đường dây nóng.',
          'Điều 3. Quyết định có hiệu lực từ ngày {hieuluc} và thay thế Quyết định số 1520/QĐ-UBND của Chủ tịch Ủy ban nhân dân quận về việc ban hành Quy chế tiếp công dân.',
        ],
      },
    ],
  },
];

/** Whole days added to a `YYYY-MM-DD` calendar date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** `2026-11-10` → `ngày 10 tháng 11 năm 2026`, as an administrative document writes a date. */
export function writtenDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `ngày ${String(d).padStart(2, '0')} tháng ${String(m).padStart(2, '0')} năm ${y}`;
}

export type DemoDates = { issuedOn: string; effectiveOn: string; expiresOn: string | null };

/** A document's dates, counted back from `today` (a Vietnam calendar date). */
export function demoDates(doc: DemoDocument, today: string): DemoDates {
  const issuedOn = addDays(today, -doc.issuedDaysAgo);
  return {
    issuedOn,
    effectiveOn: addDays(issuedOn, doc.effectiveAfterDays),
    expiresOn: doc.expiresAfterDays === undefined ? null : addDays(issuedOn, doc.expiresAfterDays),
  };
}

/** Fills `{nam}`, `{namtruoc}`, `{namsau}`, `{namhoc}`, `{ngay}` and `{hieuluc}` from the document's dates. */
export function fillDates(text: string, dates: DemoDates): string {
  const year = Number(dates.issuedOn.slice(0, 4));
  return text
    .replaceAll('{namhoc}', `${year}–${year + 1}`)
    .replaceAll('{namtruoc}', String(year - 1))
    .replaceAll('{namsau}', String(year + 1))
    .replaceAll('{nam}', String(year))
    .replaceAll('{ngay}', writtenDate(dates.issuedOn))
    .replaceAll('{hieuluc}', writtenDate(dates.effectiveOn).replace(/^ngày /, ''));
}

const TYPE_TITLE: Record<string, string> = {
  'ke-hoach': 'KẾ HOẠCH',
  'quyet-dinh': 'QUYẾT ĐỊNH',
  'nghi-dinh': 'NGHỊ ĐỊNH',
  'chi-thi': 'CHỈ THỊ',
  'thong-bao': 'THÔNG BÁO',
  'bao-cao': 'BÁO CÁO',
  'huong-dan': 'HƯỚNG DẪN',
  'to-trinh': 'TỜ TRÌNH',
  luat: 'LUẬT',
};

/** The title block under the heading: the type in capitals and the abstract (a Công văn has only its `V/v`). */
function titleOf(doc: DemoDocument, file: DemoFile, dates: DemoDates): string {
  if (file.title) return fillDates(file.title, dates);
  const abstract = fillDates(doc.abstract, dates);
  const type = TYPE_TITLE[doc.type];
  if (!type) return abstract;
  // "Kế hoạch thực hiện…" under "KẾ HOẠCH" reads twice: the type word is dropped from the line below.
  const below = abstract.replace(new RegExp(`^${type}\\s+`, 'i'), '');
  return `${type}\n${below.charAt(0).toUpperCase()}${below.slice(1)}`;
}

/** What one file's PDF says: the national heading, number and date, the text, the signature. */
export function demoPdfContent(doc: DemoDocument, file: DemoFile, issuer: DemoIssuer, dates: DemoDates): PdfContent {
  const number = fillDates(doc.number, dates);
  const signature = [issuer.onBehalf, ...doc.signerTitle].filter(Boolean).join('\n');
  return {
    title: titleOf(doc, file, dates),
    heading: [
      ...issuer.heading,
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      `Số: ${number}`,
      `${issuer.place}, ${writtenDate(dates.issuedOn)}`,
    ],
    paragraphs: [...file.paragraphs.map((p) => (p === '\f' ? p : fillDates(p, dates))), `${signature}\n(Đã ký)\n${doc.signer}`.trim(), DEMO_NOTE],
  };
}
