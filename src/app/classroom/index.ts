// Classroom features around every page: link state, instructor mode, presenter mode.
export { Classroom } from './Classroom';
export { LecturerHelp } from './LecturerHelp';
export { PresenterToggle } from './PresenterToggle';
export { useClassroom } from './context';
export { UrlNotice } from '../state/UrlNotice';
