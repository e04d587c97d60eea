// The code only a long list (more than 200 signatories) needs: the window of
// rows it renders and reading it by position. <signatory-list> imports it
// when a list is that long, so it is a lazily loaded sibling chunk of the
// bundle and a page with a shorter list never downloads it.
export {RandomAccess, positionQuery} from './random-access.js';
export {VirtualWindow} from './virtual-window.js';
export {renderWindow} from './window-rows.js';
