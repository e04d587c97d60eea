import {SignForm} from './sign-form.component.js';
import type {SignResult} from '../../api/index.js';

export {SignForm};

SignForm.define('sign-form');

declare global {
  interface HTMLElementTagNameMap {
    'sign-form': SignForm;
  }
  interface HTMLElementEventMap {
    'undersigned-sign': CustomEvent<SignResult>;
  }
}
