// Demo content for the fictional "Cổng thông tin điện tử Quận Bình Minh".
// Every place, person and figure below is invented; no real officials or phone numbers.

export type SeedSection = { slug: string; name: string; description: string };
export type SeedAuthor = { slug: string; name: string; bio: string };
export type SeedArticle = {
  slug: string;
  title: string;
  lead: string;
  bodyHtml: string;
  section: string;
  author: string;
  tags: string[];
  hoursAgo: number;
};

export const seedSections: SeedSection[] = [
  {
    slug: 'thoi-su',
    name: 'Thời sự',
    description: 'Tin tức nổi bật về hoạt động chỉ đạo, điều hành và đời sống dân cư trên địa bàn quận.',
  },
  {
    slug: 'kinh-te',
    name: 'Kinh tế',
    description: 'Thông tin về sản xuất, kinh doanh, việc làm và môi trường đầu tư tại quận Bình Minh.',
  },
  {
    slug: 'van-hoa-xa-hoi',
    name: 'Văn hóa - Xã hội',
    description: 'Hoạt động văn hóa, giáo dục, y tế và an sinh xã hội gần gũi với người dân.',
  },
  {
    slug: 'chinh-sach',
    name: 'Chính sách - Pháp luật',
    description: 'Chính sách mới và hướng dẫn thực hiện thủ tục hành chính dành cho người dân, doanh nghiệp.',
  },
];

export const seedAuthors: SeedAuthor[] = [
  {
    slug: 'minh-anh',
    name: 'Minh Anh',
    bio: 'Phóng viên theo dõi mảng đô thị, giáo dục và đời sống dân cư của Cổng thông tin điện tử quận.',
  },
  {
    slug: 'thu-ha',
    name: 'Thu Hà',
    bio: 'Phóng viên phụ trách lĩnh vực kinh tế, doanh nghiệp, việc làm và an sinh xã hội.',
  },
  {
    slug: 'phong-van-hoa-va-thong-tin',
    name: 'Phòng Văn hóa và Thông tin',
    bio: 'Cơ quan chuyên môn của Ủy ban nhân dân quận về văn hóa, thông tin, thể thao và du lịch.',
  },
  {
    slug: 'van-phong-ubnd-quan',
    name: 'Văn phòng UBND quận',
    bio: 'Đơn vị tham mưu, tổng hợp và cung cấp thông tin chỉ đạo, điều hành của Ủy ban nhân dân quận Bình Minh.',
  },
];

export const seedArticles: SeedArticle[] = [
  // ───────────────────────────── Thời sự ─────────────────────────────
  {
    slug: 'uy-ban-nhan-dan-quan-doi-thoai-voi-nguoi-dan-ve-chinh-trang-do-thi',
    title: 'Ủy ban nhân dân quận đối thoại với người dân về chỉnh trang đô thị',
    lead: 'Sáng nay, Ủy ban nhân dân quận Bình Minh tổ chức hội nghị đối thoại trực tiếp với người dân bốn phường về kế hoạch chỉnh trang đô thị, tiếp nhận hơn 40 ý kiến liên quan đến vỉa hè, chiếu sáng và thoát nước.',
    bodyHtml: `<p>Hội nghị diễn ra tại hội trường Ủy ban nhân dân quận với sự tham gia của lãnh đạo quận, đại diện các phòng chuyên môn, Ủy ban nhân dân các phường Tân Hòa, Phú Lợi, An Lạc, Đông Xuyên và gần 200 người dân. Đây là lần đầu tiên quận tổ chức đối thoại chuyên đề về chỉnh trang đô thị kể từ khi kế hoạch giai đoạn mới được ban hành.</p>
<p>Mở đầu hội nghị, lãnh đạo Phòng Quản lý đô thị quận trình bày tóm tắt kế hoạch, trong đó tập trung cải tạo vỉa hè trên 12 tuyến đường, lắp đặt bổ sung đèn chiếu sáng tại các hẻm sâu và nạo vét hệ thống cống thoát nước ở những khu vực thường xuyên ngập.</p>
<h2>Nhiều ý kiến thẳng thắn, cụ thể</h2>
<p>Phần lớn ý kiến của người dân xoay quanh tình trạng lấn chiếm vỉa hè để kinh doanh, đậu xe, gây khó khăn cho người đi bộ. Một số hộ dân ở phường An Lạc phản ánh việc thi công kéo dài khiến việc buôn bán bị ảnh hưởng, đề nghị quận công khai tiến độ và thời gian hoàn thành từng hạng mục.</p>
<blockquote>Chúng tôi ủng hộ chỉnh trang, nhưng mong công trình làm dứt điểm từng đoạn, không đào lên rồi để đó nhiều tuần liền.</blockquote>
<p>Trả lời tại hội nghị, Phó Chủ tịch Ủy ban nhân dân quận ghi nhận các ý kiến và cam kết yêu cầu đơn vị thi công lắp bảng thông tin công trình tại từng tuyến đường, ghi rõ thời gian bắt đầu, thời gian kết thúc và đầu mối tiếp nhận phản ánh của người dân.</p>
<p>Đối với những ý kiến chưa thể trả lời ngay, Văn phòng Ủy ban nhân dân quận sẽ tổng hợp, chuyển các đơn vị liên quan xem xét và <strong>phản hồi bằng văn bản trong vòng 15 ngày làm việc</strong>. Kết quả giải quyết cũng sẽ được đăng tải trên Cổng thông tin điện tử của quận để người dân tiện theo dõi.</p>`,
    section: 'thoi-su',
    author: 'minh-anh',
    tags: ['Chỉnh trang đô thị', 'Đối thoại'],
    hoursAgo: 3,
  },
  {
    slug: 'day-manh-cong-tac-phong-chong-ngap-ung-truoc-mua-mua-bao-nam-nay',
    title: 'Đẩy mạnh công tác phòng, chống ngập úng trước mùa mưa bão năm nay',
    lead: 'Trước dự báo mùa mưa năm nay đến sớm với cường độ lớn, quận Bình Minh đã rà soát các điểm ngập, nạo vét kênh rạch và xây dựng phương án ứng phó theo phương châm bốn tại chỗ.',
    bodyHtml: `<p>Theo Ban Chỉ huy phòng thủ dân sự quận, qua rà soát, địa bàn hiện còn 9 điểm thường xuyên ngập khi có mưa lớn kết hợp triều cường, tập trung tại phường Đông Xuyên và phường Phú Lợi. Nguyên nhân chủ yếu là hệ thống cống thoát nước xuống cấp, một số đoạn kênh bị bồi lắng và rác thải sinh hoạt gây tắc nghẽn miệng cống.</p>
<p>Từ đầu tháng, quận đã huy động lực lượng công nhân vệ sinh môi trường phối hợp với đoàn viên thanh niên nạo vét hơn 3 km cống ngầm và khơi thông dòng chảy trên kênh Ven Sông. Các trạm bơm dã chiến cũng được kiểm tra, bảo dưỡng để sẵn sàng vận hành.</p>
<h2>Phương châm bốn tại chỗ</h2>
<p>Ủy ban nhân dân quận yêu cầu các phường xây dựng phương án cụ thể theo phương châm <strong>chỉ huy tại chỗ, lực lượng tại chỗ, phương tiện tại chỗ và hậu cần tại chỗ</strong>. Mỗi phường phải chuẩn bị sẵn:</p>
<ul>
<li>Danh sách hộ dân ở khu vực trũng thấp, nhà xuống cấp cần di dời khi có bão;</li>
<li>Điểm sơ tán tạm thời tại trường học, nhà văn hóa khu phố;</li>
<li>Lương thực, nước uống, áo phao và đèn pin dự phòng.</li>
</ul>
<p>Người dân được khuyến cáo không xả rác xuống cống, kênh rạch; chủ động gia cố nhà cửa, cắt tỉa cây xanh trong khuôn viên và theo dõi thông tin cảnh báo thời tiết trên các kênh chính thức của quận.</p>
<p>Khi xảy ra ngập sâu, sạt lở hoặc cây đổ, người dân báo ngay cho Ủy ban nhân dân phường hoặc tổ dân phố nơi cư trú để được hỗ trợ kịp thời.</p>`,
    section: 'thoi-su',
    author: 'van-phong-ubnd-quan',
    tags: ['Phòng chống thiên tai', 'Ngập úng'],
    hoursAgo: 40,
  },
  {
    slug: 'phuong-tan-hoa-hop-dan-lay-y-kien-ve-ke-hoach-cai-tao-cho-dan-sinh',
    title: 'Phường Tân Hòa họp dân lấy ý kiến về kế hoạch cải tạo chợ dân sinh',
    lead: 'Ủy ban nhân dân phường Tân Hòa vừa tổ chức họp dân để lấy ý kiến tiểu thương và người dân về phương án cải tạo chợ Tân Hòa, công trình dự kiến khởi công vào cuối năm.',
    bodyHtml: `<p>Chợ Tân Hòa được xây dựng hơn 30 năm trước, hiện có khoảng 180 sạp hàng. Sau thời gian dài sử dụng, mái che bị dột, lối đi chật hẹp, hệ thống điện và phòng cháy chữa cháy không còn bảo đảm an toàn. Vì vậy, cải tạo chợ là nhu cầu cấp thiết được nhiều người dân kiến nghị qua các kỳ tiếp xúc cử tri.</p>
<p>Theo phương án được trình bày tại buổi họp, chợ sẽ được thay mới toàn bộ mái che, mở rộng lối đi chính, bố trí khu hàng tươi sống tách biệt với khu hàng khô và lắp đặt hệ thống báo cháy tự động. Trong thời gian thi công, tiểu thương sẽ được bố trí kinh doanh tạm tại bãi đất trống cạnh nhà văn hóa phường.</p>
<h2>Tiểu thương quan tâm điểm kinh doanh tạm</h2>
<p>Nhiều tiểu thương bày tỏ sự đồng tình với chủ trương cải tạo, đồng thời đề nghị phường bảo đảm khu kinh doanh tạm có mái che, đủ điện nước và thuận tiện cho khách ra vào. Một số ý kiến mong muốn được giữ nguyên vị trí sạp sau khi chợ hoàn thành để không mất khách quen.</p>
<p>Đại diện Ủy ban nhân dân phường cho biết việc sắp xếp lại vị trí sạp sẽ được thực hiện công khai bằng hình thức bốc thăm theo từng ngành hàng, ưu tiên các hộ đã kinh doanh lâu năm. Trong thời gian cải tạo, tiểu thương được xem xét <em>miễn, giảm phí thuê điểm kinh doanh</em> theo quy định.</p>
<p>Toàn bộ ý kiến đóng góp sẽ được tổng hợp, báo cáo Ủy ban nhân dân quận trước khi phê duyệt phương án chính thức.</p>`,
    section: 'thoi-su',
    author: 'minh-anh',
    tags: ['Chợ dân sinh', 'Lấy ý kiến người dân'],
    hoursAgo: 52,
  },
  {
    slug: 'tang-cuong-kiem-tra-an-toan-giao-thong-quanh-khu-vuc-truong-hoc-gio-tan-tam',
    title: 'Tăng cường kiểm tra an toàn giao thông quanh khu vực trường học giờ tan tầm',
    lead: 'Công an quận phối hợp với các phường ra quân bảo đảm trật tự, an toàn giao thông tại cổng trường học vào giờ cao điểm, đồng thời nhắc nhở phụ huynh không dừng đỗ xe dưới lòng đường.',
    bodyHtml: `<p>Thực hiện kế hoạch bảo đảm trật tự, an toàn giao thông năm học mới, lực lượng cảnh sát giao thông Công an quận đã bố trí tổ công tác thường trực tại 24 trường học trên địa bàn vào các khung giờ đưa đón học sinh. Trọng tâm là những trường nằm trên trục đường chính, lưu lượng phương tiện lớn.</p>
<p>Qua theo dõi, tình trạng ùn tắc trước cổng trường chủ yếu do phụ huynh dừng xe dàn hàng ngang, một số hàng quán bày bán lấn chiếm vỉa hè. Ngoài ra, vẫn còn học sinh chưa đủ tuổi điều khiển xe máy hoặc không đội mũ bảo hiểm khi ngồi sau xe.</p>
<h2>Phối hợp giữa nhà trường và gia đình</h2>
<p>Các trường đã bố trí giáo viên, bảo vệ hỗ trợ phân luồng, đồng thời tổ chức cho học sinh ra về theo từng cổng để giảm tình trạng tập trung đông người. Nhiều trường tiểu học còn kẻ vạch khu vực đón trả học sinh ngay trong sân trường.</p>
<blockquote>Mỗi phụ huynh nhường đường một chút, dừng xe đúng chỗ một chút thì cổng trường sẽ thông thoáng hơn rất nhiều.</blockquote>
<p>Công an quận khuyến cáo phụ huynh <strong>tuyệt đối không giao xe máy cho con chưa đủ tuổi</strong>, luôn đội mũ bảo hiểm đạt chuẩn cho trẻ và chấp hành hướng dẫn của lực lượng làm nhiệm vụ. Các trường hợp vi phạm sẽ được lập biên bản, thông báo về nhà trường và địa phương nơi cư trú.</p>
<p>Đợt cao điểm kiểm tra sẽ kéo dài đến hết học kỳ I, sau đó được đánh giá, rút kinh nghiệm để duy trì thường xuyên.</p>`,
    section: 'thoi-su',
    author: 'minh-anh',
    tags: ['An toàn giao thông', 'Trường học'],
    hoursAgo: 130,
  },

  // ───────────────────────────── Kinh tế ─────────────────────────────
  {
    slug: 'ho-tro-ho-kinh-doanh-nho-tiep-can-nguon-von-vay-uu-dai',
    title: 'Hỗ trợ hộ kinh doanh nhỏ tiếp cận nguồn vốn vay ưu đãi',
    lead: 'Quận Bình Minh phối hợp với Phòng giao dịch Ngân hàng Chính sách xã hội tổ chức chương trình tư vấn, giúp hộ kinh doanh nhỏ và lao động tự do tiếp cận nguồn vốn vay ưu đãi để duy trì, mở rộng sản xuất.',
    bodyHtml: `<p>Theo Phòng Kinh tế quận, trên địa bàn hiện có hơn 6.500 hộ kinh doanh cá thể, phần lớn hoạt động trong lĩnh vực ăn uống, tạp hóa, sửa chữa và may mặc. Khảo sát gần đây cho thấy khó khăn lớn nhất của các hộ là thiếu vốn lưu động và chưa quen với thủ tục vay tại ngân hàng.</p>
<p>Tại buổi tư vấn, cán bộ tín dụng đã hướng dẫn chi tiết điều kiện vay, lãi suất, thời hạn và hồ sơ cần chuẩn bị. Các hộ đủ điều kiện có thể vay vốn hỗ trợ tạo việc làm theo mức quy định; với những khoản vay nhỏ, người vay không phải thế chấp tài sản.</p>
<h2>Hồ sơ gọn, giải ngân nhanh</h2>
<p>Để rút ngắn thời gian, Ủy ban nhân dân các phường sẽ hỗ trợ xác nhận hồ sơ ngay trong ngày. Tổ tiết kiệm và vay vốn tại khu phố có trách nhiệm giới thiệu, theo dõi và hỗ trợ người vay sử dụng vốn đúng mục đích.</p>
<p>Chị Hạnh, chủ một tiệm may nhỏ ở phường Phú Lợi, chia sẻ: <em>“Trước đây tôi ngại đến ngân hàng vì sợ thủ tục rườm rà. Nghe hướng dẫn xong, tôi thấy hồ sơ không quá phức tạp và dự định vay thêm để mua máy may công nghiệp.”</em></p>
<p>Bên cạnh vốn vay, quận cũng hỗ trợ các hộ kinh doanh mở tài khoản, sử dụng mã QR để nhận thanh toán và tham gia các lớp tập huấn ngắn hạn về quản lý tài chính, bán hàng trực tuyến.</p>
<p>Dự kiến trong năm nay, chương trình tư vấn sẽ được tổ chức luân phiên tại tất cả các phường, ưu tiên những khu vực có nhiều hộ kinh doanh nhỏ lẻ và lao động tự do.</p>`,
    section: 'kinh-te',
    author: 'thu-ha',
    tags: ['Hộ kinh doanh', 'Vốn vay ưu đãi'],
    hoursAgo: 76,
  },
  {
    slug: 'cho-dem-binh-minh-thu-hut-du-khach-sau-khi-duoc-chinh-trang',
    title: 'Chợ đêm Bình Minh thu hút du khách sau khi được chỉnh trang',
    lead: 'Sau ba tháng chỉnh trang, chợ đêm Bình Minh bên bờ kênh Ven Sông đã trở thành điểm đến quen thuộc của người dân và du khách, góp phần tăng thu nhập cho hàng trăm hộ kinh doanh.',
    bodyHtml: `<p>Trước đây, khu chợ đêm hoạt động tự phát, hàng quán bày bán lộn xộn, vệ sinh môi trường không bảo đảm. Từ đầu năm, Ủy ban nhân dân quận đã đầu tư lát lại mặt bằng, lắp đèn trang trí, bố trí nhà vệ sinh công cộng và sắp xếp lại các khu ẩm thực, hàng thủ công mỹ nghệ, quần áo.</p>
<p>Hiện chợ có 160 gian hàng được cấp phép, mở cửa từ 17 giờ đến 23 giờ hằng ngày. Vào dịp cuối tuần, lượng khách có thể lên đến vài nghìn lượt mỗi tối. Nhiều gian hàng giới thiệu các món ăn đặc trưng của địa phương như bánh xèo, chè, bún cá.</p>
<h2>Sạch sẽ, văn minh là yêu cầu hàng đầu</h2>
<p>Ban quản lý chợ yêu cầu các gian hàng niêm yết giá công khai, sử dụng dụng cụ đựng thức ăn bảo đảm vệ sinh và hạn chế đồ nhựa dùng một lần. Tổ tự quản gồm chính các tiểu thương thay phiên kiểm tra, nhắc nhở những trường hợp bán hàng lấn ra lối đi.</p>
<p>Anh Tùng, một người bán nước giải khát tại chợ, cho biết doanh thu của gia đình đã tăng gần gấp đôi so với trước khi chỉnh trang. <em>“Khách đến đông hơn, lại thấy sạch sẽ nên ngồi lâu hơn. Chúng tôi cũng có ý thức giữ gìn hơn vì đây là chỗ làm ăn lâu dài của mình,”</em> anh nói.</p>
<p>Thời gian tới, quận dự kiến kết nối chợ đêm với tuyến đi bộ ven kênh và tổ chức chương trình biểu diễn nghệ thuật đường phố vào tối thứ Bảy, qua đó phát triển kinh tế đêm gắn với quảng bá hình ảnh địa phương.</p>`,
    section: 'kinh-te',
    author: 'thu-ha',
    tags: ['Kinh tế đêm', 'Du lịch'],
    hoursAgo: 210,
  },
  {
    slug: 'uu-tien-giai-quyet-thu-tuc-dang-ky-kinh-doanh-truc-tuyen-trong-ngay',
    title: 'Ưu tiên giải quyết thủ tục đăng ký kinh doanh trực tuyến trong ngày',
    lead: 'Từ tháng này, hồ sơ đăng ký hộ kinh doanh nộp trực tuyến đầy đủ, hợp lệ tại quận Bình Minh sẽ được ưu tiên xử lý và trả kết quả ngay trong ngày làm việc.',
    bodyHtml: `<p>Đây là một trong những giải pháp cải thiện môi trường kinh doanh được Ủy ban nhân dân quận đưa vào kế hoạch cải cách hành chính năm nay. Trước đó, thời hạn giải quyết hồ sơ đăng ký hộ kinh doanh theo quy định là ba ngày làm việc.</p>
<p>Để thực hiện, bộ phận tiếp nhận và trả kết quả của quận đã bố trí cán bộ chuyên trách theo dõi hồ sơ trực tuyến, kiểm tra và chuyển xử lý liên tục trong giờ hành chính. Hồ sơ nộp trước 15 giờ sẽ được trả kết quả trong ngày; hồ sơ nộp sau thời điểm này được trả vào sáng hôm sau.</p>
<h2>Những điểm người dân cần lưu ý</h2>
<ul>
<li>Kê khai đầy đủ thông tin về tên hộ kinh doanh, địa điểm, ngành nghề và vốn kinh doanh;</li>
<li>Tải lên bản chụp rõ nét giấy tờ tùy thân và các văn bản liên quan;</li>
<li>Theo dõi tình trạng hồ sơ và nhận kết quả điện tử qua tài khoản đã đăng ký.</li>
</ul>
<p>Trường hợp hồ sơ chưa hợp lệ, cán bộ sẽ <strong>thông báo một lần duy nhất</strong>, nêu rõ nội dung cần bổ sung để người dân chỉnh sửa, tránh phải đi lại nhiều lần.</p>
<p>Theo đại diện Văn phòng Ủy ban nhân dân quận, tỷ lệ hồ sơ đăng ký kinh doanh nộp trực tuyến hiện đạt khoảng 70%. Quận đặt mục tiêu nâng tỷ lệ này lên trên 90% vào cuối năm, đồng thời tiếp tục rà soát để rút ngắn thời gian giải quyết các thủ tục khác liên quan đến doanh nghiệp.</p>
<p>Người dân cần hỗ trợ có thể đến trực tiếp bộ phận một cửa của quận để được cán bộ hướng dẫn thao tác.</p>`,
    section: 'kinh-te',
    author: 'van-phong-ubnd-quan',
    tags: ['Cải cách hành chính', 'Đăng ký kinh doanh', 'Chuyển đổi số'],
    hoursAgo: 300,
  },
  {
    slug: 'quan-to-chuc-phien-giao-dich-viec-lam-voi-hon-mot-nghin-vi-tri-tuyen-dung',
    title: 'Quận tổ chức phiên giao dịch việc làm với hơn một nghìn vị trí tuyển dụng',
    lead: 'Phiên giao dịch việc làm do quận Bình Minh tổ chức đã thu hút 35 doanh nghiệp tham gia với hơn 1.000 vị trí tuyển dụng, tập trung vào các ngành dịch vụ, bán lẻ, vận tải kho bãi và sản xuất.',
    bodyHtml: `<p>Phiên giao dịch diễn ra tại Nhà văn hóa quận, do Ủy ban nhân dân quận phối hợp với trung tâm dịch vụ việc làm tổ chức. Ngay từ sáng sớm, đông đảo người lao động, sinh viên mới tốt nghiệp và quân nhân xuất ngũ đã có mặt để tìm hiểu thông tin.</p>
<p>Các vị trí tuyển dụng khá đa dạng, từ nhân viên bán hàng, thu ngân, phụ bếp, công nhân đóng gói đến kế toán, kỹ thuật viên điện lạnh. Mức lương phổ biến từ 7 đến 12 triệu đồng mỗi tháng, một số vị trí yêu cầu chuyên môn cao có thu nhập lên tới 20 triệu đồng.</p>
<h2>Phỏng vấn trực tiếp tại chỗ</h2>
<p>Điểm mới của phiên giao dịch năm nay là nhiều doanh nghiệp phỏng vấn và hẹn ngày nhận việc ngay tại gian tuyển dụng. Ban tổ chức cũng bố trí khu vực tư vấn viết hồ sơ xin việc, kỹ năng phỏng vấn và giới thiệu các khóa đào tạo nghề ngắn hạn.</p>
<p>Ngọc, sinh viên vừa tốt nghiệp ngành quản trị kinh doanh, cho biết đã nộp hồ sơ vào ba doanh nghiệp và được hẹn phỏng vấn vòng hai ngay trong tuần. <em>“Đi một buổi mà gặp được nhiều nhà tuyển dụng nên em tiết kiệm được rất nhiều thời gian,”</em> Ngọc chia sẻ.</p>
<p>Kết thúc phiên giao dịch, gần 400 lượt người lao động được phỏng vấn, trong đó khoảng 150 người được hẹn nhận việc. Quận sẽ tiếp tục tổ chức các phiên giao dịch định kỳ hằng quý, đồng thời cập nhật thông tin tuyển dụng thường xuyên trên Cổng thông tin điện tử.</p>`,
    section: 'kinh-te',
    author: 'thu-ha',
    tags: ['Việc làm', 'Doanh nghiệp'],
    hoursAgo: 480,
  },

  // ───────────────────────── Văn hóa - Xã hội ─────────────────────────
  {
    slug: 'ho-tro-nguoi-khuyet-tat-tim-viec-lam-va-hoc-nghe-mien-phi-tai-quan',
    title: 'Hỗ trợ người khuyết tật tìm việc làm và học nghề miễn phí tại quận',
    lead: 'Quận Bình Minh triển khai chương trình hỗ trợ người khuyết tật học nghề miễn phí, kết nối việc làm phù hợp và cải tạo điều kiện tiếp cận tại các công trình công cộng trên địa bàn.',
    bodyHtml: `<p>Theo số liệu rà soát, toàn quận hiện có gần 1.200 người khuyết tật, trong đó khoảng một phần ba đang trong độ tuổi lao động. Nhiều người có nhu cầu làm việc nhưng gặp khó khăn do thiếu kỹ năng nghề, hạn chế về đi lại và chưa được tạo điều kiện phù hợp tại nơi làm việc.</p>
<p>Theo Kế hoạch số 67/KH-UBND của Ủy ban nhân dân quận về hỗ trợ người khuyết tật học nghề, tìm việc làm và cải tạo điều kiện tiếp cận công trình công cộng, năm nay quận phối hợp với các cơ sở giáo dục nghề nghiệp mở các lớp đào tạo miễn phí về may công nghiệp, sửa chữa điện thoại, tin học văn phòng, thiết kế đồ họa và làm bánh. Học viên được hỗ trợ tiền ăn, tiền đi lại trong thời gian học và được giới thiệu việc làm sau khi hoàn thành khóa học.</p>
<h2>Doanh nghiệp đồng hành</h2>
<p>Đến nay, đã có 15 doanh nghiệp trên địa bàn cam kết tiếp nhận lao động là người khuyết tật, bố trí vị trí làm việc phù hợp như nhập liệu, đóng gói, chăm sóc khách hàng qua điện thoại. Một số đơn vị còn điều chỉnh lối đi, nhà vệ sinh và bố trí thời gian làm việc linh hoạt để người lao động yên tâm gắn bó.</p>
<blockquote>Điều chúng tôi cần không phải là sự thương hại mà là một cơ hội để chứng minh mình làm được việc.</blockquote>
<p>Đó là chia sẻ của anh Phúc, người khuyết tật vận động, hiện là nhân viên nhập liệu tại một công ty dịch vụ ở phường An Lạc sau khi hoàn thành khóa tin học văn phòng.</p>
<p>Song song với hỗ trợ việc làm, quận đang rà soát và cải tạo <strong>lối đi dành cho xe lăn</strong> tại trụ sở Ủy ban nhân dân các phường, nhà văn hóa và trạm y tế. Người khuyết tật hoặc gia đình có nhu cầu học nghề, tìm việc có thể đăng ký tại Ủy ban nhân dân phường nơi cư trú.</p>`,
    section: 'van-hoa-xa-hoi',
    author: 'phong-van-hoa-va-thong-tin',
    tags: ['Người khuyết tật', 'Việc làm', 'Học nghề'],
    hoursAgo: 30,
  },
  {
    slug: 'le-hoi-van-hoa-am-thuc-binh-minh-nam-nay-co-gi-dac-sac',
    title: 'Lễ hội Văn hóa Ẩm thực Bình Minh năm nay có gì đặc sắc',
    lead: 'Lễ hội Văn hóa Ẩm thực Bình Minh sẽ diễn ra trong ba ngày cuối tuần tại công viên ven kênh, với hơn 80 gian hàng, chương trình nghệ thuật dân gian và nhiều hoạt động dành cho gia đình.',
    bodyHtml: `<p>Lễ hội là hoạt động văn hóa thường niên của quận, nhằm giới thiệu nét đẹp ẩm thực, nghề truyền thống và đời sống văn hóa của cộng đồng dân cư địa phương. Năm nay, lễ hội lấy chủ đề <strong>“Hương vị quê nhà”</strong>, tôn vinh những món ăn gắn với ký ức của nhiều thế hệ người dân Bình Minh.</p>
<h2>Không gian ẩm thực và nghề truyền thống</h2>
<p>Khu ẩm thực gồm hơn 80 gian hàng của các hộ kinh doanh, hợp tác xã và hội phụ nữ các phường. Bên cạnh các món ăn quen thuộc, ban tổ chức dành riêng một khu vực trình diễn làm bánh dân gian, gói bánh tét, tráng bánh tráng để du khách có thể trực tiếp trải nghiệm.</p>
<p>Các chương trình nghệ thuật gồm đờn ca tài tử, múa lân, hát bội và biểu diễn của các câu lạc bộ văn nghệ quần chúng. Buổi tối cuối cùng sẽ có đêm nhạc ngoài trời với sự tham gia của các nhóm nhạc trẻ địa phương.</p>
<p>Đối với thiếu nhi, lễ hội bố trí khu trò chơi dân gian như kéo co, nhảy bao bố, ô ăn quan và góc đọc sách do Thư viện quận phối hợp thực hiện.</p>
<p>Ban tổ chức khuyến khích người dân và du khách sử dụng phương tiện công cộng, mang theo bình nước cá nhân và bỏ rác đúng nơi quy định. Các gian hàng cam kết không sử dụng túi ni lông khó phân hủy, ưu tiên hộp giấy và lá chuối để đựng thức ăn.</p>
<p>Lễ hội mở cửa tự do, <em>không thu phí vào cổng</em>. Lịch chương trình chi tiết được cập nhật trên Cổng thông tin điện tử của quận.</p>`,
    section: 'van-hoa-xa-hoi',
    author: 'phong-van-hoa-va-thong-tin',
    tags: ['Lễ hội', 'Ẩm thực'],
    hoursAgo: 95,
  },
  {
    slug: 'ra-quan-chien-dich-tiem-chung-va-phong-chong-sot-xuat-huyet-tai-cac-khu-dan-cu',
    title: 'Ra quân chiến dịch tiêm chủng và phòng chống sốt xuất huyết tại các khu dân cư',
    lead: 'Trung tâm Y tế quận cùng các trạm y tế phường đồng loạt ra quân chiến dịch tiêm chủng bổ sung cho trẻ em và diệt lăng quăng, phòng chống sốt xuất huyết tại các khu dân cư.',
    bodyHtml: `<p>Chiến dịch được triển khai trong hai tuần tại tất cả các phường, tập trung vào hai nội dung chính: tiêm bù, tiêm nhắc các loại vắc xin trong chương trình tiêm chủng mở rộng cho trẻ dưới 5 tuổi và tổng vệ sinh môi trường, loại bỏ nơi sinh sản của muỗi truyền bệnh.</p>
<p>Theo Trung tâm Y tế quận, từ đầu năm đến nay, địa bàn ghi nhận số ca sốt xuất huyết tăng so với cùng kỳ, chủ yếu ở các khu nhà trọ, khu vực có nhiều công trình đang thi công và nơi tập kết phế liệu.</p>
<h2>Mỗi gia đình là một pháo đài</h2>
<p>Các tổ xung kích gồm nhân viên y tế, đoàn viên thanh niên và tình nguyện viên đến từng hộ gia đình để hướng dẫn người dân:</p>
<ul>
<li>Đậy kín các dụng cụ chứa nước, thay nước bình hoa mỗi tuần;</li>
<li>Thu gom vỏ lon, chai lọ, lốp xe cũ có thể đọng nước;</li>
<li>Ngủ màn kể cả ban ngày, đặc biệt với trẻ nhỏ và người cao tuổi.</li>
</ul>
<p>Người dân có biểu hiện sốt cao liên tục, đau đầu, đau nhức cơ, xuất hiện chấm đỏ dưới da cần đến cơ sở y tế để được khám, <strong>không tự ý dùng thuốc khi chưa có chỉ định của bác sĩ</strong>.</p>
<p>Đối với hoạt động tiêm chủng, phụ huynh mang theo sổ hoặc thông tin tiêm chủng của trẻ đến trạm y tế phường vào các buổi sáng trong tuần. Các trường hợp trẻ chưa tiêm đủ mũi sẽ được nhân viên y tế liên hệ, hẹn lịch cụ thể.</p>`,
    section: 'van-hoa-xa-hoi',
    author: 'phong-van-hoa-va-thong-tin',
    tags: ['Y tế', 'Sốt xuất huyết', 'Tiêm chủng'],
    hoursAgo: 160,
  },
  {
    slug: 'phu-huynh-dang-ky-tuyen-sinh-dau-cap-truc-tuyen-cho-con-vao-lop-mot-va-lop-sau',
    title: 'Phụ huynh đăng ký tuyển sinh đầu cấp trực tuyến cho con vào lớp Một và lớp Sáu',
    lead: 'Năm học mới, toàn bộ hồ sơ tuyển sinh vào lớp Một và lớp Sáu tại các trường công lập trên địa bàn quận Bình Minh được tiếp nhận trực tuyến, phụ huynh không cần nộp hồ sơ giấy.',
    bodyHtml: `<p>Theo kế hoạch tuyển sinh của quận, năm nay các trường tiểu học dự kiến tiếp nhận khoảng 3.400 học sinh lớp Một, các trường trung học cơ sở tiếp nhận khoảng 3.100 học sinh lớp Sáu. Việc tuyển sinh thực hiện theo phương thức xét tuyển, căn cứ nơi cư trú của học sinh.</p>
<h2>Các bước đăng ký</h2>
<p>Phụ huynh truy cập hệ thống tuyển sinh trực tuyến của thành phố, đăng nhập bằng tài khoản định danh điện tử và thực hiện theo trình tự sau:</p>
<ul>
<li>Kiểm tra thông tin cá nhân và nơi cư trú của học sinh đã được đồng bộ từ cơ sở dữ liệu dân cư;</li>
<li>Chọn trường theo tuyến được phân công, có thể đăng ký thêm nguyện vọng nếu trường còn chỉ tiêu;</li>
<li>Xác nhận hồ sơ và theo dõi kết quả qua tài khoản hoặc tin nhắn thông báo.</li>
</ul>
<p>Trường hợp thông tin cư trú chưa chính xác, phụ huynh liên hệ Công an phường để được điều chỉnh trước khi đăng ký. Các gia đình gặp khó khăn khi thao tác có thể đến trực tiếp trường gần nhất, nơi giáo viên được phân công hỗ trợ nhập hồ sơ.</p>
<p>Đại diện ngành giáo dục quận cho biết, tuyển sinh trực tuyến giúp công khai, minh bạch tuyến tuyển sinh và giảm cảnh xếp hàng nộp hồ sơ như những năm trước. Quận cũng bảo đảm đủ chỗ học cho tất cả trẻ trong độ tuổi trên địa bàn, <em>không để học sinh nào thiếu trường, thiếu lớp</em>.</p>
<p>Học sinh là con của người có công với cách mạng, học sinh khuyết tật hoặc thuộc hộ nghèo được hưởng chế độ ưu tiên theo quy định; phụ huynh cần khai báo đầy đủ khi đăng ký.</p>`,
    section: 'van-hoa-xa-hoi',
    author: 'minh-anh',
    tags: ['Tuyển sinh', 'Giáo dục', 'Chuyển đổi số'],
    hoursAgo: 250,
  },

  // ─────────────────────── Chính sách - Pháp luật ───────────────────────
  {
    slug: 'quan-binh-minh-cong-bo-dieu-chinh-quy-hoach-chi-tiet-khu-dan-cu-phia-dong',
    title: 'Quận Bình Minh công bố điều chỉnh quy hoạch chi tiết khu dân cư phía Đông',
    lead: 'Ủy ban nhân dân quận Bình Minh vừa công bố đồ án điều chỉnh quy hoạch chi tiết khu dân cư phía Đông, bổ sung đất cây xanh, trường học và mở rộng một số tuyến đường nội khu.',
    bodyHtml: `<p>Khu dân cư phía Đông có diện tích khoảng 85 ha, thuộc địa bàn hai phường Đông Xuyên và Phú Lợi. Đồ án điều chỉnh được thực hiện sau khi lấy ý kiến cộng đồng dân cư, các cơ quan liên quan và đã được cấp có thẩm quyền phê duyệt.</p>
<h2>Những nội dung điều chỉnh chính</h2>
<ul>
<li>Tăng diện tích đất cây xanh công cộng, bố trí thêm hai công viên nhỏ phục vụ khu dân cư;</li>
<li>Bổ sung quỹ đất xây dựng một trường mầm non và một trường tiểu học;</li>
<li>Mở rộng lộ giới một số tuyến đường nội khu để bảo đảm phòng cháy chữa cháy và thoát nước;</li>
<li>Điều chỉnh chỉ tiêu mật độ xây dựng, tầng cao tại một số lô đất ở.</li>
</ul>
<p>Hồ sơ đồ án được niêm yết công khai tại trụ sở Ủy ban nhân dân quận, Ủy ban nhân dân hai phường Đông Xuyên, Phú Lợi và đăng tải trên Cổng thông tin điện tử của quận. Người dân có thể tra cứu thông tin quy hoạch đối với từng thửa đất tại bộ phận một cửa.</p>
<p>Theo Phòng Quản lý đô thị quận, việc công bố quy hoạch nhằm giúp người dân nắm rõ thông tin để thực hiện quyền, nghĩa vụ liên quan đến đất đai, xây dựng. Các hộ có nhà, đất nằm trong phạm vi điều chỉnh vẫn được thực hiện các quyền hợp pháp theo quy định cho đến khi có quyết định thu hồi đất của cơ quan có thẩm quyền.</p>
<p>Người dân <strong>cần cảnh giác với các thông tin rao bán đất, phân lô không đúng sự thật</strong> lợi dụng việc điều chỉnh quy hoạch; thông tin chính thức chỉ được cung cấp qua cơ quan nhà nước.</p>
<p>Mọi thắc mắc liên quan đến đồ án, người dân liên hệ Phòng Quản lý đô thị quận trong giờ hành chính để được giải đáp.</p>`,
    section: 'chinh-sach',
    author: 'van-phong-ubnd-quan',
    tags: ['Quy hoạch', 'Đất đai'],
    hoursAgo: 340,
  },
  {
    slug: 'ung-dung-chuyen-doi-so-de-rut-ngan-thoi-gian-giai-quyet-thu-tuc-hanh-chinh-cap-phuong',
    title: 'Ứng dụng chuyển đổi số để rút ngắn thời gian giải quyết thủ tục hành chính cấp phường',
    lead: 'Các phường trên địa bàn quận Bình Minh đang đẩy mạnh số hóa hồ sơ, triển khai ký số và trả kết quả điện tử, giúp người dân giảm thời gian đi lại khi giải quyết thủ tục hành chính.',
    bodyHtml: `<p>Theo báo cáo của Ủy ban nhân dân quận, đến nay bộ phận một cửa của tất cả các phường đã tiếp nhận hồ sơ trực tuyến, hơn 85% kết quả giải quyết thủ tục hành chính được số hóa và lưu trữ trên hệ thống. Nhiều thủ tục như chứng thực bản sao, đăng ký khai sinh, xác nhận tình trạng hôn nhân có thể thực hiện hoàn toàn trực tuyến.</p>
<h2>Tổ công nghệ số cộng đồng</h2>
<p>Để hỗ trợ người dân, mỗi khu phố đã thành lập tổ công nghệ số cộng đồng, gồm cán bộ khu phố, đoàn viên thanh niên và tình nguyện viên. Tổ trực tiếp hướng dẫn người dân, nhất là người cao tuổi, cài đặt ứng dụng định danh điện tử, tạo tài khoản dịch vụ công và thanh toán phí, lệ phí trực tuyến.</p>
<p>Bà Thu, 68 tuổi, ở phường Tân Hòa cho biết trước đây mỗi lần làm giấy tờ phải dành cả buổi sáng để xếp hàng. <em>“Nay các cháu đoàn viên hướng dẫn, tôi ngồi ở nhà làm trên điện thoại, mấy hôm sau là nhận được kết quả,”</em> bà nói.</p>
<p>Bên cạnh đó, các phường đã bố trí ki-ốt tra cứu, máy lấy số tự động và khảo sát mức độ hài lòng bằng mã QR. Phản ánh của người dân được chuyển ngay đến lãnh đạo phụ trách để xử lý.</p>
<p>Ủy ban nhân dân quận yêu cầu các phường tiếp tục rà soát, cắt giảm giấy tờ không cần thiết, <strong>không yêu cầu người dân nộp lại những thông tin đã có trong cơ sở dữ liệu</strong>. Kết quả chuyển đổi số là một tiêu chí đánh giá mức độ hoàn thành nhiệm vụ của người đứng đầu mỗi đơn vị.</p>`,
    section: 'chinh-sach',
    author: 'van-phong-ubnd-quan',
    tags: ['Chuyển đổi số', 'Cải cách hành chính'],
    hoursAgo: 14,
  },
  {
    slug: 'huong-dan-chinh-sach-tro-cap-xa-hoi-hang-thang-moi-ap-dung-tu-nam-nay',
    title: 'Hướng dẫn chính sách trợ cấp xã hội hằng tháng mới áp dụng từ năm nay',
    lead: 'Ủy ban nhân dân quận Bình Minh hướng dẫn các đối tượng bảo trợ xã hội về thủ tục đề nghị hưởng trợ cấp hằng tháng theo mức chuẩn mới, trong đó có người cao tuổi, người khuyết tật và trẻ em mồ côi.',
    bodyHtml: `<p>Theo quy định mới, mức chuẩn trợ giúp xã hội được điều chỉnh tăng, kéo theo mức trợ cấp hằng tháng của các nhóm đối tượng cũng tăng tương ứng. Những trường hợp đang hưởng trợ cấp được tự động điều chỉnh, không phải làm lại hồ sơ.</p>
<h2>Ai được hưởng trợ cấp?</h2>
<ul>
<li>Người cao tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng theo độ tuổi quy định;</li>
<li>Người khuyết tật đặc biệt nặng và người khuyết tật nặng;</li>
<li>Trẻ em không có nguồn nuôi dưỡng, trẻ em mồ côi cả cha lẫn mẹ;</li>
<li>Người đơn thân thuộc hộ nghèo đang nuôi con nhỏ.</li>
</ul>
<p>Người đề nghị hưởng trợ cấp nộp tờ khai theo mẫu tại bộ phận một cửa Ủy ban nhân dân phường hoặc nộp trực tuyến trên Cổng dịch vụ công. Hội đồng xét duyệt cấp phường sẽ họp, niêm yết công khai danh sách trong thời hạn quy định trước khi trình Ủy ban nhân dân quận quyết định.</p>
<p>Trợ cấp được chi trả hằng tháng qua tài khoản ngân hàng hoặc qua tổ chức dịch vụ chi trả. Quận khuyến khích người hưởng mở tài khoản để nhận tiền nhanh chóng, an toàn; những trường hợp già yếu, đi lại khó khăn sẽ được nhân viên chi trả đến tận nhà.</p>
<p>Ủy ban nhân dân các phường có trách nhiệm rà soát, không để sót đối tượng, đồng thời kịp thời dừng chi trả với những trường hợp không còn đủ điều kiện. <em>Người dân phát hiện trường hợp hưởng sai đối tượng có thể phản ánh đến Ủy ban nhân dân phường nơi cư trú.</em></p>
<p>Các gia đình có thắc mắc về chính sách được cán bộ phụ trách chính sách xã hội của phường tư vấn trực tiếp trong giờ hành chính.</p>`,
    section: 'chinh-sach',
    author: 'thu-ha',
    tags: ['An sinh xã hội', 'Người khuyết tật'],
    hoursAgo: 560,
  },
  {
    slug: 'niem-yet-phuong-an-boi-thuong-khi-thu-hoi-dat-mo-rong-duong-ven-song',
    title: 'Niêm yết phương án bồi thường khi thu hồi đất mở rộng đường Ven Sông',
    lead: 'Ủy ban nhân dân quận Bình Minh thông báo niêm yết công khai dự thảo phương án bồi thường, hỗ trợ và tái định cư đối với các hộ dân bị ảnh hưởng bởi dự án mở rộng đường Ven Sông.',
    bodyHtml: `<p>Dự án mở rộng đường Ven Sông có chiều dài khoảng 2,4 km, đi qua địa bàn phường An Lạc và phường Đông Xuyên, ảnh hưởng đến 146 hộ gia đình, cá nhân và 3 tổ chức. Sau khi hoàn thành, tuyến đường sẽ được nâng từ hai lên bốn làn xe, có vỉa hè, cây xanh và hệ thống thoát nước đồng bộ, góp phần giảm ùn tắc và ngập úng cho khu vực.</p>
<h2>Thời gian và địa điểm niêm yết</h2>
<p>Dự thảo phương án được niêm yết công khai trong <strong>30 ngày</strong> tại trụ sở Ủy ban nhân dân phường An Lạc, phường Đông Xuyên và tại nhà văn hóa các khu phố có đất bị thu hồi. Nội dung niêm yết gồm diện tích đất bị thu hồi của từng hộ, đơn giá bồi thường, các khoản hỗ trợ và phương án bố trí tái định cư.</p>
<p>Trong thời gian niêm yết, Hội đồng bồi thường, hỗ trợ và tái định cư của quận sẽ tổ chức đối thoại với người dân tại từng khu phố. Các ý kiến đóng góp được ghi nhận bằng biên bản, có chữ ký của đại diện người dân và cơ quan chức năng.</p>
<blockquote>Mỗi hộ dân cần kiểm tra kỹ thông tin về diện tích, vị trí và loại đất của gia đình mình; nếu có sai sót, đề nghị phản ánh ngay để được xem xét điều chỉnh.</blockquote>
<p>Các hộ đủ điều kiện được bố trí tái định cư tại khu nhà ở phía Đông của quận, hoặc nhận tiền nếu tự lo chỗ ở. Gia đình bàn giao mặt bằng đúng tiến độ được hưởng thêm khoản thưởng theo quy định.</p>
<p>Sau khi kết thúc thời gian niêm yết, quận sẽ tổng hợp, hoàn chỉnh phương án để phê duyệt và chi trả tiền bồi thường trước khi thu hồi đất. Ý kiến, kiến nghị của người dân được tiếp nhận trực tiếp tại Ủy ban nhân dân hai phường hoặc qua Cổng thông tin điện tử của quận.</p>`,
    section: 'chinh-sach',
    author: 'van-phong-ubnd-quan',
    tags: ['Đất đai', 'Tái định cư'],
    hoursAgo: 900,
  },
];
