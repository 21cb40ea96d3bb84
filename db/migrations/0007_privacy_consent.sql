CREATE TABLE "privacy_policy_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"organisation_name" text NOT NULL,
	"address" text NOT NULL,
	"contact_phone" text DEFAULT '' NOT NULL,
	"contact_email" text DEFAULT '' NOT NULL,
	"collected" text NOT NULL,
	"purposes" text NOT NULL,
	"retention" text NOT NULL,
	"rights" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "consent_policy_version" integer;--> statement-breakpoint
ALTER TABLE "comments" ADD COLUMN "consented_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "privacy_policy_versions" ADD CONSTRAINT "privacy_policy_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consent_policy_version_privacy_policy_versions_version_fk" FOREIGN KEY ("consent_policy_version") REFERENCES "public"."privacy_policy_versions"("version") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
-- hand-written (keep at merge)
ALTER TABLE "privacy_policy_versions" ADD CONSTRAINT "privacy_policy_versions_version_positive" CHECK ("version" > 0);--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_consent_complete" CHECK (("consent_policy_version" IS NULL) = ("consented_at" IS NULL));--> statement-breakpoint
-- A published version is proof of what readers consented to: never rewritten, never removed.
-- Only created_by may change (ON DELETE SET NULL when its author's account goes).
CREATE FUNCTION privacy_policy_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'privacy_policy_versions is append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  IF (NEW.version, NEW.organisation_name, NEW.address, NEW.contact_phone, NEW.contact_email, NEW.collected, NEW.purposes, NEW.retention, NEW.rights, NEW.created_at)
     IS DISTINCT FROM
     (OLD.version, OLD.organisation_name, OLD.address, OLD.contact_phone, OLD.contact_email, OLD.collected, OLD.purposes, OLD.retention, OLD.rights, OLD.created_at) THEN
    RAISE EXCEPTION 'privacy_policy_versions is append-only' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER privacy_policy_versions_append_only BEFORE UPDATE OR DELETE ON "privacy_policy_versions"
  FOR EACH ROW EXECUTE FUNCTION privacy_policy_versions_append_only();--> statement-breakpoint
-- Version 1, so that a fresh site has a policy before any admin edits it (the demo publisher of lib/site.ts).
INSERT INTO "privacy_policy_versions" ("version", "organisation_name", "address", "contact_phone", "contact_email", "collected", "purposes", "retention", "rights") VALUES (
  1,
  'Ủy ban nhân dân Quận Bình Minh (Ban biên tập Cổng thông tin điện tử)',
  'Số 1 đường Hòa Bình, phường Trung Tâm, Quận Bình Minh',
  '028 0000 0000',
  'banbientap@binhminh.example',
  E'Khi bạn gửi bình luận, chúng tôi thu thập:\n- Họ tên bạn nhập vào ô "Họ tên" (được hiển thị cùng bình luận khi bình luận được duyệt).\n- Số điện thoại bạn nhập vào ô "Số điện thoại" (không bắt buộc, không bao giờ được công khai).\n- Tiêu đề và nội dung bình luận.\n- Một mã băm (hash) có khóa của địa chỉ IP của bạn; chúng tôi không lưu địa chỉ IP gốc.\n\nChúng tôi không dùng cookie theo dõi hay công cụ quảng cáo. Cookie mã xác nhận chỉ dùng để kiểm tra mã bảo mật của biểu mẫu.',
  E'- Kiểm duyệt và hiển thị bình luận của bạn.\n- Liên hệ lại với bạn khi cần làm rõ nội dung bình luận (chỉ ban biên tập xem được số điện thoại).\n- Chống thư rác và lạm dụng: mã băm địa chỉ IP chỉ dùng để giới hạn số lần gửi.\n\nChúng tôi không bán, không chia sẻ dữ liệu cá nhân của bạn cho bên thứ ba, trừ khi pháp luật yêu cầu.',
  E'- Số điện thoại và mã băm địa chỉ IP của người bình luận: 12 tháng kể từ ngày gửi, sau đó bị xóa.\n- Bình luận bị từ chối hoặc bị đánh dấu là thư rác: 30 ngày, sau đó bị xóa.\n- Bình luận đã được duyệt (họ tên, tiêu đề, nội dung) được lưu cùng bài viết cho đến khi bạn yêu cầu xóa.',
  E'Theo Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định 356/2025/NĐ-CP, bạn có quyền:\n- Được biết và xem dữ liệu cá nhân của mình mà chúng tôi đang lưu.\n- Yêu cầu chỉnh sửa hoặc xóa dữ liệu.\n- Rút lại sự đồng ý bất cứ lúc nào (việc rút lại không ảnh hưởng đến việc xử lý trước đó).\n- Yêu cầu hạn chế xử lý hoặc phản đối xử lý dữ liệu.\n\nĐể thực hiện các quyền này, hãy gửi yêu cầu tại trang /yeu-cau-du-lieu-ca-nhan hoặc liên hệ theo địa chỉ, số điện thoại, thư điện tử ở trên. Chúng tôi xác nhận đã nhận yêu cầu trong 2 ngày làm việc và giải quyết trong 15 ngày.'
);
