import { describe, expect, it } from 'vitest';
import { formObject, formValues } from './form-data';

describe('formObject', () => {
  it('keeps repeated keys as arrays and drops Next action ids', () => {
    const data = new FormData();
    data.append('$ACTION_ID_abc', '');
    data.append('op', 'approve:selected');
    data.append('ids', '1');
    data.append('ids', '2');
    data.append('ids', '3');
    expect(formObject(data)).toEqual({ op: 'approve:selected', ids: ['1', '2', '3'] });
  });
});

describe('formValues', () => {
  it('never hands a password back to the form', () => {
    const data = new FormData();
    data.append('email', 'a@b.vn');
    data.append('password', 'bí mật');
    data.append('newPassword', 'bí mật');
    expect(formValues(data)).toEqual({ email: 'a@b.vn' });
  });
});
