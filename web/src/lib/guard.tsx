/**
 * Guards a form with unsaved changes: leaving it inside the app (menu, back link, browser back)
 * asks first, and closing or reloading the tab gets the browser's own prompt.
 */
import { useEffect, useRef } from 'react';
import { Modal } from 'antd';
import { useBlocker } from 'react-router';

/** While `dirty`, navigation away asks "放弃未保存的修改？" before it happens. */
export function useUnsavedGuard(dirty: boolean): void {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname);
  // The blocker object changes on every render while blocked: ask once per blocked navigation.
  const asking = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || asking.current) return;
    asking.current = true;
    Modal.confirm({
      title: '放弃未保存的修改？',
      content: '表单中有尚未保存的内容，离开后将丢失。',
      okText: '离开', cancelText: '继续编辑', okButtonProps: { danger: true },
      onOk: () => { asking.current = false; blocker.proceed(); },
      onCancel: () => { asking.current = false; blocker.reset(); },
    });
  }, [blocker]);
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (e: BeforeUnloadEvent) => { e.preventDefault(); };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [dirty]);
}

/** Props for a date field: Enter confirms the date, it never submits the form. */
export const noSubmitOnEnter = {
  onKeyDown: (e: { key: string; preventDefault(): void }) => { if (e.key === 'Enter') e.preventDefault(); },
};
