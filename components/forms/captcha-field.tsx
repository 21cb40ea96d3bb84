'use client';

import { useState } from 'react';

const IMAGE_FAILED = 'Không tải được mã xác nhận. Nếu bạn vừa lấy lại mã nhiều lần, vui lòng đợi vài phút rồi bấm “Lấy lại mã bảo mật”.';

/**
 * `Mã xác nhận`, shared by the comment form and the request form: an image from /api/captcha (its challenge in an
 * HttpOnly cookie, so it works without JavaScript), a `Lấy lại mã bảo mật` button, the answer
 * field. `version` changes whenever the server used the code up, which loads a new image.
 */
export function CaptchaField({ idPrefix, version, error }: { idPrefix: string; version: number; error?: string }) {
  const [renewed, setRenewed] = useState(0);
  const key = `${version}-${renewed}`;
  const [failedKey, setFailedKey] = useState<string | null>(null);
  const message = error || (failedKey === key ? IMAGE_FAILED : '');
  return (
    <div className="field captcha">
      <label htmlFor={`${idPrefix}-captcha`}>Mã xác nhận</label>
      <div className="captcha__row">
        {/* eslint-disable-next-line @next/next/no-img-element */}
        <img
          src={`/api/captcha?v=${key}`}
          alt="Mã xác nhận dạng hình ảnh"
          width={160}
          height={56}
          className="captcha__image"
          onError={() => setFailedKey(key)}
        />
        <button type="button" className="button--small button--secondary" onClick={() => setRenewed((n) => n + 1)}>
          Lấy lại mã bảo mật
        </button>
      </div>
      <input
        id={`${idPrefix}-captcha`}
        name="captcha"
        required
        maxLength={20}
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${idPrefix}-captcha-loi`}
      />
      <p id={`${idPrefix}-captcha-loi`} className="field__error" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
