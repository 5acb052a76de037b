//! The input thread: reads terminal events and sends them to the event loop. It can be paused
//! while an external editor owns the terminal, so it does not steal the editor's keys.

use std::sync::mpsc::Sender;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use crossterm::event::{self, Event};

use super::msg::Msg;

/// How long one wait for input lasts before the thread looks at the pause flag. Only affects
/// how fast a pause takes effect; an idle wait costs no CPU.
const POLL: Duration = Duration::from_millis(150);

#[derive(Default)]
struct State {
    paused: bool,
    parked: bool,
    stop: bool,
}

/// Controls the input thread.
#[derive(Clone, Default)]
pub struct InputControl {
    inner: Arc<(Mutex<State>, Condvar)>,
}

impl InputControl {
    /// Stops reading input and waits until the thread is parked.
    pub fn pause(&self) {
        let (lock, cvar) = &*self.inner;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        s.paused = true;
        while !s.parked && !s.stop {
            s = cvar.wait(s).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Reads input again.
    pub fn resume(&self) {
        let (lock, cvar) = &*self.inner;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        s.paused = false;
        cvar.notify_all();
    }

    /// Ends the thread.
    pub fn stop(&self) {
        let (lock, cvar) = &*self.inner;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        s.stop = true;
        cvar.notify_all();
    }

    /// Parks while paused; returns false when the thread should end.
    fn wait_while_paused(&self) -> bool {
        let (lock, cvar) = &*self.inner;
        let mut s = lock.lock().unwrap_or_else(|e| e.into_inner());
        while s.paused && !s.stop {
            s.parked = true;
            cvar.notify_all();
            s = cvar.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.parked = false;
        !s.stop
    }
}

/// Starts the input thread.
pub fn spawn(tx: Sender<Msg>, control: InputControl) -> std::io::Result<()> {
    std::thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            while control.wait_while_paused() {
                match event::poll(POLL) {
                    Ok(false) => continue,
                    Ok(true) => {}
                    Err(_) => break,
                }
                let msg = match event::read() {
                    Ok(Event::Key(k)) => Msg::Key(k),
                    Ok(Event::Mouse(m)) => Msg::Mouse(m),
                    Ok(Event::Resize(w, h)) => Msg::Resize(w, h),
                    Ok(Event::Paste(text)) => Msg::Paste(text),
                    Ok(_) => continue,
                    Err(_) => break,
                };
                if tx.send(msg).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}
