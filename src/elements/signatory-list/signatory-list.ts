import {SignatoryList} from './signatory-list.component.js';

export {SignatoryList};

SignatoryList.define('signatory-list');

declare global {
  interface HTMLElementTagNameMap {
    'signatory-list': SignatoryList;
  }
}
