import {SignForm} from './sign-form.component.js';

export {SignForm};

SignForm.define('sign-form');

declare global {
  interface HTMLElementTagNameMap {
    'sign-form': SignForm;
  }
}
